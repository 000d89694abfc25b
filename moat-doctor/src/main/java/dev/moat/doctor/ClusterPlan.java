package dev.moat.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.id.ResourceId;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * What the doctor needs of a cluster, parsed once from its ARM JSON: the cluster as {@code GET}
 * shows it, or the body {@code az aks create} would {@code PUT} (the same shape).
 *
 * @param artifactSource {@code Cache} or {@code Direct}
 * @param registryId the BYO registry, or null (Direct, or the AKS-managed registry)
 * @param nodeSubnet the first pool's {@code vnetSubnetID}, or null for the AKS-managed VNet
 * @param controlPlaneIdentity the user-assigned control-plane identity, or null
 * @param kubeletIdentity the kubelet identity's resource id, or null when AKS creates it
 * @param kubeletObjectId the kubelet identity's principal, when known (existing clusters)
 */
public record ClusterPlan(
    ResourceId id,
    String location,
    String kubernetesVersion,
    String artifactSource,
    ResourceId registryId,
    String outboundType,
    ResourceId nodeSubnet,
    boolean privateCluster,
    boolean vnetIntegration,
    ResourceId apiServerSubnet,
    ResourceId controlPlaneIdentity,
    ResourceId kubeletIdentity,
    String kubeletObjectId,
    ResourceId nodeResourceGroup) {

  /** Parses {@code json} for the cluster {@code id}. */
  public static ClusterPlan parse(ResourceId id, JsonNode json) {
    JsonNode p = json.path("properties");
    String location = json.path("location").asText("").toLowerCase(Locale.ROOT).replace(" ", "");
    JsonNode bootstrap = p.path("bootstrapProfile");
    JsonNode pool = p.path("agentPoolProfiles").path(0);
    JsonNode api = p.path("apiServerAccessProfile");
    JsonNode kubelet = p.path("identityProfile").path("kubeletidentity");
    ResourceId controlPlane = null;
    Iterator<String> names = json.path("identity").path("userAssignedIdentities").fieldNames();
    if (names.hasNext()) {
      controlPlane = id(names.next());
    }
    String nodeRg = p.path("nodeResourceGroup").asText("");
    if (nodeRg.isEmpty()) {
      nodeRg = "MC_" + id.resourceGroup().orElseThrow() + "_" + id.name() + "_" + location;
    }
    String version = p.path("kubernetesVersion").asText("");
    return new ClusterPlan(
        id,
        location,
        version.isEmpty() ? null : version,
        bootstrap.path("artifactSource").asText("Direct"),
        id(bootstrap.path("containerRegistryId").asText("")),
        p.path("networkProfile").path("outboundType").asText("loadBalancer"),
        id(pool.path("vnetSubnetID").asText("")),
        api.path("enablePrivateCluster").asBoolean(false),
        api.path("enableVnetIntegration").asBoolean(false),
        id(api.path("subnetId").asText("")),
        controlPlane,
        id(kubelet.path("resourceId").asText("")),
        Optional.ofNullable(kubelet.path("objectId").textValue()).orElse(null),
        ResourceId.resourceGroup(id.subscriptionId(), nodeRg));
  }

  public boolean cache() {
    return "Cache".equalsIgnoreCase(artifactSource);
  }

  public boolean managedRegistry() {
    return cache() && registryId == null;
  }

  /** Network isolation's outbound types (NI1). */
  public boolean isolatedOutbound() {
    return "none".equalsIgnoreCase(outboundType) || "block".equalsIgnoreCase(outboundType);
  }

  public String group() {
    return id.resourceGroup().orElseThrow();
  }

  public String name() {
    return id.name();
  }

  private static ResourceId id(String s) {
    return s == null || s.isBlank() ? null : ResourceId.tryParse(s).orElse(null);
  }
}
