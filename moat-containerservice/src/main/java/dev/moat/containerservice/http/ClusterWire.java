package dev.moat.containerservice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.containerservice.model.OutboundType;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import java.util.List;
import java.util.Map;

/**
 * The request shapes of managed clusters and agent pools, as far as Moat acts on them; read-only
 * properties are ignored and the other settable ones are kept as {@link PassThroughFields}.
 */
public final class ClusterWire {
  private ClusterWire() {}

  /** PUT body of a managed cluster. */
  public record ClusterIn(
      String location,
      Map<String, String> tags,
      SkuIn sku,
      IdentityIn identity,
      PropertiesIn properties) {}

  public record SkuIn(String name, String tier) {}

  public record IdentityIn(String type, Map<String, JsonNode> userAssignedIdentities) {}

  public record PropertiesIn(
      String kubernetesVersion,
      String dnsPrefix,
      String fqdnSubdomain,
      List<PoolIn> agentPoolProfiles,
      ServicePrincipalIn servicePrincipalProfile,
      Map<String, UserAssignedIn> identityProfile,
      BootstrapIn bootstrapProfile,
      NetworkIn networkProfile,
      ApiServerIn apiServerAccessProfile,
      String nodeResourceGroup,
      AutoUpgradeIn autoUpgradeProfile,
      Boolean enableRBAC) {}

  /** An {@code agentPoolProfiles[]} item, or (without {@code name}) an agent pool's properties. */
  public record PoolIn(
      String name,
      Integer count,
      String vmSize,
      String osType,
      String osSKU,
      String mode,
      String type,
      String vnetSubnetID,
      String orchestratorVersion,
      Integer maxPods,
      Integer osDiskSizeGB,
      List<String> availabilityZones,
      Map<String, String> nodeLabels,
      Boolean enableAutoScaling,
      Integer minCount,
      Integer maxCount,
      Map<String, String> tags) {}

  /** PUT body of an agent pool. */
  public record AgentPoolIn(PoolIn properties) {}

  public record ServicePrincipalIn(String clientId, String secret) {}

  public record UserAssignedIn(String resourceId, String clientId, String objectId) {}

  public record BootstrapIn(ArtifactSource artifactSource, String containerRegistryId) {}

  public record NetworkIn(
      String networkPlugin,
      String networkPluginMode,
      String networkPolicy,
      OutboundType outboundType,
      String podCidr,
      String serviceCidr,
      String dnsServiceIP,
      String loadBalancerSku) {}

  public record ApiServerIn(
      Boolean enablePrivateCluster,
      Boolean enableVnetIntegration,
      String subnetId,
      String privateDNSZone,
      Boolean enablePrivateClusterPublicFQDN,
      List<String> authorizedIPRanges,
      Boolean disableRunCommand) {}

  public record AutoUpgradeIn(String upgradeChannel, String nodeOSUpgradeChannel) {}

  /** PATCH body (tags only). */
  public record TagsIn(Map<String, String> tags) {}
}
