package dev.moat.doctor;

import java.util.List;

/**
 * The doctor's verdict on one cluster.
 *
 * @param clusterId the cluster checked
 * @param exists true for a cluster as it is; false for what a create with these arguments would
 *     build
 * @param wouldBootstrap true when no link failed: a new node would bootstrap
 * @param tookMillis how long the walk took on the server
 */
public record Report(
    String clusterId, boolean exists, boolean wouldBootstrap, List<Link> links, long tookMillis) {

  public Report {
    links = List.copyOf(links);
  }
}
