package dev.moat.containerservice.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * What the user asked for in a managed cluster (PUT), apart from its agent pools, which are stored
 * as child resources.
 *
 * @param kubernetesVersion as requested ({@code 1.30} or {@code 1.30.3})
 * @param servicePrincipalClientId {@code servicePrincipalProfile.clientId} as sent (a service
 *     principal's client id; {@code msi} or null for clusters using a managed identity)
 * @param kubeletIdentity the BYO kubelet identity, or null for the one AKS creates
 * @param passthrough the settable {@code properties} Moat keeps verbatim without acting on them (a
 *     JSON object shaped like {@code properties}, nested where a modelled profile has unmodelled
 *     members, as {@code networkProfile.loadBalancerProfile}); merged back into responses
 */
public record ClusterSpec(
    String kubernetesVersion,
    String dnsPrefix,
    String fqdnSubdomain,
    Identity identity,
    String servicePrincipalClientId,
    ResourceId kubeletIdentity,
    Bootstrap bootstrap,
    Network network,
    ApiServer apiServer,
    String nodeResourceGroup,
    String upgradeChannel,
    String nodeOsUpgradeChannel,
    boolean enableRbac,
    String skuName,
    String skuTier,
    JsonNode passthrough) {

  public ClusterSpec {
    passthrough = PassThrough.orEmpty(passthrough);
  }

  /** {@code identity}: type {@code SystemAssigned}, {@code UserAssigned} or {@code None}. */
  public record Identity(String type, List<ResourceId> userAssigned) {
    public Identity {
      userAssigned = userAssigned == null ? List.of() : List.copyOf(userAssigned);
    }

    public boolean managed() {
      return !"None".equalsIgnoreCase(type);
    }

    public boolean userAssignedType() {
      return "UserAssigned".equalsIgnoreCase(type);
    }
  }

  /** {@code bootstrapProfile}. */
  public record Bootstrap(ArtifactSource artifactSource, ResourceId containerRegistryId) {
    /** Cache without a registry id: the AKS-managed registry. */
    public boolean managedRegistry() {
      return artifactSource == ArtifactSource.Cache && containerRegistryId == null;
    }
  }

  /** {@code networkProfile}. */
  public record Network(
      String networkPlugin,
      String networkPluginMode,
      String networkPolicy,
      OutboundType outboundType,
      String podCidr,
      String serviceCidr,
      String dnsServiceIp,
      String loadBalancerSku) {}

  /**
   * {@code apiServerAccessProfile}; {@code privateDnsZone} is {@code system}, {@code none} or an
   * id.
   */
  public record ApiServer(
      boolean enablePrivateCluster,
      boolean enableVnetIntegration,
      ResourceId subnetId,
      String privateDnsZone,
      Boolean enablePrivateClusterPublicFqdn,
      List<String> authorizedIpRanges,
      Boolean disableRunCommand) {

    public ApiServer {
      authorizedIpRanges = authorizedIpRanges == null ? List.of() : List.copyOf(authorizedIpRanges);
    }

    /** A private-link cluster: the API server is reached through a private endpoint. */
    public boolean privateLink() {
      return enablePrivateCluster && !enableVnetIntegration;
    }
  }
}
