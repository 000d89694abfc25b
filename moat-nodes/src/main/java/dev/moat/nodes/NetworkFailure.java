package dev.moat.nodes;

/**
 * The node could not reach a name: DNS had no answer, or the fabric refused the path (no egress, no
 * route, public access disabled). Carries the reason in the words a node's tools print.
 */
final class NetworkFailure extends Exception {
  NetworkFailure(String message) {
    super(message, null, false, false);
  }
}
