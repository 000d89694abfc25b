package dev.moat.containerservice.model;

import dev.moat.platform.id.ResourceId;
import java.util.Map;

/**
 * A stored managed cluster. Its agent pools are child documents ({@link AgentPool}).
 *
 * @param etag changes on every write of the user's (PUT, PATCH), not on status changes
 */
public record ManagedCluster(
    ResourceId id,
    String location,
    Map<String, String> tags,
    ClusterSpec spec,
    ClusterStatus status,
    String etag) {

  public ManagedCluster {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  public ManagedCluster withStatus(ClusterStatus newStatus) {
    return new ManagedCluster(id, location, tags, spec, newStatus, etag);
  }

  /** The cluster with new tags: a write, so with a new etag. */
  public ManagedCluster withTags(Map<String, String> newTags) {
    return new ManagedCluster(id, location, newTags, spec, status, Etags.next());
  }

  /** {@code {dnsPrefix}-{hash}.hcp.{region}.azmk8s.io}. */
  public String fqdn() {
    return spec.dnsPrefix() + "-" + status.fqdnHash() + ".hcp." + location + ".azmk8s.io";
  }

  /** The private FQDN of a private cluster, else null. */
  public String privateFqdn() {
    if (!spec.apiServer().enablePrivateCluster()) {
      return null;
    }
    if (spec.apiServer().enableVnetIntegration()) {
      return spec.dnsPrefix() + "-" + status.fqdnHash() + ".private." + location + ".azmk8s.io";
    }
    String zone =
        status.privateZoneName() != null
            ? status.privateZoneName()
            : "privatelink." + location + ".azmk8s.io";
    String label = spec.fqdnSubdomain() != null ? spec.fqdnSubdomain() : spec.dnsPrefix();
    return label + "-" + status.fqdnHash() + "." + zone;
  }

  /** The resource group AKS manages for the cluster's infrastructure. */
  public ResourceId nodeResourceGroupId() {
    return ResourceId.resourceGroup(id.subscriptionId(), spec.nodeResourceGroup());
  }
}
