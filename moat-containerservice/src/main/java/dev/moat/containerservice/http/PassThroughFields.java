package dev.moat.containerservice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.containerservice.model.PassThrough;
import java.util.Set;

/**
 * Splits a request's {@code properties} into what the typed model ({@link ClusterWire}) reads and
 * the pass-through rest ({@link PassThrough}): the rest is the request minus the modelled members
 * and minus the read-only ones (which a client resends from a GET and Azure ignores).
 */
final class PassThroughFields {
  private PassThroughFields() {}

  /** Cluster {@code properties} the typed model reads. */
  private static final Set<String> CLUSTER_MODELLED =
      Set.of(
          "kubernetesVersion",
          "dnsPrefix",
          "fqdnSubdomain",
          "agentPoolProfiles",
          "servicePrincipalProfile",
          "identityProfile",
          "bootstrapProfile",
          "apiServerAccessProfile",
          "nodeResourceGroup",
          "autoUpgradeProfile",
          "enableRBAC");

  /** Cluster {@code properties} that are read-only (ManagedClusterProperties in the spec). */
  private static final Set<String> CLUSTER_READ_ONLY =
      Set.of(
          "provisioningState",
          "powerState",
          "maxAgentPools",
          "currentKubernetesVersion",
          "fqdn",
          "privateFQDN",
          "azurePortalFQDN",
          "resourceUID",
          "privateLinkResources");

  /** {@code networkProfile} members the typed model reads, or derives from them. */
  private static final Set<String> NETWORK_MODELLED =
      Set.of(
          "networkPlugin",
          "networkPluginMode",
          "networkPolicy",
          "outboundType",
          "podCidr",
          "serviceCidr",
          "dnsServiceIP",
          "loadBalancerSku",
          "podCidrs",
          "serviceCidrs",
          "ipFamilies");

  /** {@code loadBalancerProfile} members that are read-only. */
  private static final Set<String> LOAD_BALANCER_READ_ONLY = Set.of("effectiveOutboundIPs");

  /** Agent pool properties the typed model reads ({@link ClusterWire.PoolIn}). */
  private static final Set<String> POOL_MODELLED =
      Set.of(
          "name",
          "count",
          "vmSize",
          "osType",
          "osSKU",
          "mode",
          "type",
          "vnetSubnetID",
          "orchestratorVersion",
          "maxPods",
          "osDiskSizeGB",
          "availabilityZones",
          "nodeLabels",
          "enableAutoScaling",
          "minCount",
          "maxCount",
          "tags");

  /** Agent pool properties that are read-only. */
  private static final Set<String> POOL_READ_ONLY =
      Set.of(
          "currentOrchestratorVersion",
          "nodeImageVersion",
          "provisioningState",
          "powerState",
          "eTag");

  /**
   * The pass-through part of a cluster's {@code properties}. A sent {@code loadBalancerProfile}
   * gets AKS's defaults for what it omits ({@code allocatedOutboundPorts} 0, {@code
   * idleTimeoutInMinutes} 30), as Azure stores them.
   */
  static ObjectNode cluster(JsonNode properties) {
    ObjectNode out = rest(properties, CLUSTER_MODELLED, CLUSTER_READ_ONLY);
    JsonNode network = properties == null ? null : properties.get("networkProfile");
    out.remove("networkProfile");
    ObjectNode networkRest = rest(network, NETWORK_MODELLED, Set.of());
    if (networkRest.get("loadBalancerProfile") instanceof ObjectNode lb) {
      LOAD_BALANCER_READ_ONLY.forEach(lb::remove);
      if (!lb.hasNonNull("allocatedOutboundPorts")) {
        lb.put("allocatedOutboundPorts", 0);
      }
      if (!lb.hasNonNull("idleTimeoutInMinutes")) {
        lb.put("idleTimeoutInMinutes", 30);
      }
    }
    if (!networkRest.isEmpty()) {
      out.set("networkProfile", networkRest);
    }
    return out;
  }

  /**
   * The pass-through part of an agent pool's properties (or an {@code agentPoolProfiles[]} item).
   */
  static ObjectNode pool(JsonNode properties) {
    return rest(properties, POOL_MODELLED, POOL_READ_ONLY);
  }

  private static ObjectNode rest(JsonNode node, Set<String> modelled, Set<String> readOnly) {
    ObjectNode out = PassThrough.orEmpty(null);
    if (node == null || !node.isObject()) {
      return out;
    }
    node.fields()
        .forEachRemaining(
            f -> {
              if (!modelled.contains(f.getKey())
                  && !readOnly.contains(f.getKey())
                  && !f.getValue().isNull()) {
                out.set(f.getKey(), f.getValue().deepCopy());
              }
            });
    return out;
  }
}
