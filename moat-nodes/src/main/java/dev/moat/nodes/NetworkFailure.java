package dev.moat.nodes;

/**
 * The node could not reach a name: DNS had no answer, or the fabric refused the path (no egress, no
 * route, public access disabled). Carries the reason in the words a node's tools print.
 */
final class NetworkFailure extends Exception {
  private final String goError;

  NetworkFailure(String message) {
    this(message, message);
  }

  /**
   * @param message what the node's provisioning tools report (may carry Moat's reason)
   * @param goError the bare Go {@code net} error a containerd or canipull on the node prints, e.g.
   *     {@code dial tcp 20.255.0.50:443: i/o timeout}
   */
  NetworkFailure(String message, String goError) {
    super(message, null, false, false);
    this.goError = goError;
  }

  /** The Go {@code net} package's text for this failure, as containerd embeds it. */
  String goError() {
    return goError;
  }
}
