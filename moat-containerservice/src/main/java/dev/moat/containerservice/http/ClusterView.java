package dev.moat.containerservice.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.ClusterStatus;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.OutboundType;
import dev.moat.containerservice.model.PassThrough;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The response shape of a managed cluster (newest api-version; clients ignore the rest). */
record ClusterView(
    String id,
    String name,
    String type,
    String location,
    Map<String, String> tags,
    String eTag,
    Sku sku,
    Identity identity,
    Properties properties) {

  static final String TYPE = "Microsoft.ContainerService/ManagedClusters";

  record Sku(String name, String tier) {}

  record Identity(
      String type,
      String principalId,
      String tenantId,
      Map<String, UserAssigned> userAssignedIdentities) {}

  record UserAssigned(String principalId, String clientId) {}

  record PowerState(String code) {}

  record ServicePrincipal(String clientId) {}

  record Kubelet(String resourceId, String clientId, String objectId) {}

  record Bootstrap(String artifactSource, String containerRegistryId) {}

  record AutoUpgrade(String upgradeChannel, String nodeOSUpgradeChannel) {}

  record Network(
      String networkPlugin,
      String networkPluginMode,
      String networkPolicy,
      String outboundType,
      String podCidr,
      String serviceCidr,
      String dnsServiceIP,
      String loadBalancerSku,
      List<String> ipFamilies,
      List<String> podCidrs,
      List<String> serviceCidrs) {}

  record ApiServer(
      Boolean enablePrivateCluster,
      Boolean enableVnetIntegration,
      String subnetId,
      String privateDNSZone,
      Boolean enablePrivateClusterPublicFQDN,
      List<String> authorizedIPRanges,
      Boolean disableRunCommand) {}

  record Properties(
      String provisioningState,
      PowerState powerState,
      int maxAgentPools,
      String kubernetesVersion,
      String currentKubernetesVersion,
      String dnsPrefix,
      String fqdnSubdomain,
      String fqdn,
      String privateFQDN,
      String azurePortalFQDN,
      List<PoolView.Profile> agentPoolProfiles,
      ServicePrincipal servicePrincipalProfile,
      Map<String, Kubelet> identityProfile,
      String nodeResourceGroup,
      boolean enableRBAC,
      Network networkProfile,
      ApiServer apiServerAccessProfile,
      Bootstrap bootstrapProfile,
      AutoUpgrade autoUpgradeProfile,
      String resourceUID) {}

  /**
   * The cluster as ARM shows it: the typed view with the cluster's and each pool's pass-through
   * properties merged in, and the read-only {@code effectiveOutboundIPs} of a load balancer
   * profile.
   */
  static JsonNode json(
      ManagedCluster c, List<AgentPool> pools, String currentVersion, ManagedIdentities ids) {
    ObjectNode node = Json.mapper().valueToTree(of(c, pools, currentVersion, ids));
    ObjectNode properties = (ObjectNode) node.get("properties");
    PassThrough.mergeInto(properties, c.spec().passthrough());
    JsonNode profiles = properties.path("agentPoolProfiles");
    for (int i = 0; i < pools.size() && i < profiles.size(); i++) {
      PassThrough.mergeInto((ObjectNode) profiles.get(i), pools.get(i).spec().passthrough());
    }
    if (properties.path("networkProfile").get("loadBalancerProfile") instanceof ObjectNode lb
        && c.spec().network().outboundType() == OutboundType.loadBalancer) {
      lb.set("effectiveOutboundIPs", effectiveOutboundIps(c, lb));
    }
    return node;
  }

  /**
   * The public IPs the load balancer uses: the user's own ({@code outboundIPs}) or, for {@code
   * managedOutboundIPs}, the ones AKS manages in the node resource group (GUID-named, as AKS names
   * them; Moat's fabric has no public IPs, so these are ids only).
   */
  private static ArrayNode effectiveOutboundIps(ManagedCluster c, JsonNode lb) {
    ArrayNode out = Json.mapper().createArrayNode();
    JsonNode own = lb.path("outboundIPs").path("publicIPs");
    if (own.isArray() && !own.isEmpty()) {
      own.forEach(ip -> out.addObject().put("id", ip.path("id").asText()));
      return out;
    }
    JsonNode prefixes = lb.path("outboundIPPrefixes").path("publicIPPrefixes");
    if (prefixes.isArray() && !prefixes.isEmpty()) {
      return out;
    }
    int count = lb.path("managedOutboundIPs").path("count").asInt(1);
    for (int i = 0; i < count; i++) {
      UUID name = UUID.nameUUIDFromBytes((c.id().key() + "|outbound-ip|" + i).getBytes(UTF_8));
      out.addObject()
          .put(
              "id",
              c.nodeResourceGroupId().toString()
                  + "/providers/Microsoft.Network/publicIPAddresses/"
                  + name);
    }
    return out;
  }

  static ClusterView of(
      ManagedCluster c, List<AgentPool> pools, String currentVersion, ManagedIdentities ids) {
    ClusterSpec s = c.spec();
    ClusterStatus st = c.status();
    ClusterSpec.ApiServer api = s.apiServer();
    ClusterSpec.Network n = s.network();
    Map<String, Kubelet> identityProfile =
        st.kubelet() == null
            ? null
            : Map.of(
                "kubeletidentity",
                new Kubelet(
                    st.kubelet().resourceId().toString(),
                    st.kubelet().clientId(),
                    st.kubelet().objectId()));
    boolean hasApi =
        api.enablePrivateCluster()
            || api.enableVnetIntegration()
            || api.subnetId() != null
            || !api.authorizedIpRanges().isEmpty();
    return new ClusterView(
        c.id().toString(),
        c.id().name(),
        TYPE,
        c.location(),
        c.tags(),
        c.etag(),
        new Sku(s.skuName(), s.skuTier()),
        identity(s, st, ids),
        new Properties(
            st.provisioningState().name(),
            new PowerState("Running"),
            100,
            s.kubernetesVersion().isEmpty() ? currentVersion : s.kubernetesVersion(),
            currentVersion,
            s.dnsPrefix(),
            s.fqdnSubdomain(),
            c.fqdn(),
            c.privateFqdn(),
            s.dnsPrefix() + "-" + st.fqdnHash() + ".portal.hcp." + c.location() + ".azmk8s.io",
            pools.stream().map(p -> PoolView.Profile.of(p, currentVersion)).toList(),
            // az 2.45's `aks show` needs servicePrincipalProfile (clients.md §2.1).
            new ServicePrincipal(
                s.servicePrincipalClientId() != null
                    ? s.servicePrincipalClientId()
                    : s.identity().managed() ? "msi" : null),
            identityProfile,
            s.nodeResourceGroup(),
            s.enableRbac(),
            new Network(
                n.networkPlugin(),
                n.networkPluginMode(),
                n.networkPolicy(),
                n.outboundType().name(),
                n.podCidr(),
                n.serviceCidr(),
                n.dnsServiceIp(),
                n.loadBalancerSku(),
                List.of("IPv4"),
                n.podCidr() == null ? null : List.of(n.podCidr()),
                n.serviceCidr() == null ? null : List.of(n.serviceCidr())),
            hasApi
                ? new ApiServer(
                    api.enablePrivateCluster(),
                    api.enableVnetIntegration() ? true : null,
                    api.subnetId() == null ? null : api.subnetId().toString(),
                    api.privateDnsZone(),
                    api.enablePrivateClusterPublicFqdn(),
                    api.authorizedIpRanges().isEmpty() ? null : api.authorizedIpRanges(),
                    api.disableRunCommand())
                : null,
            new Bootstrap(
                s.bootstrap().artifactSource().name(),
                s.bootstrap().containerRegistryId() == null
                    ? null
                    : s.bootstrap().containerRegistryId().toString()),
            s.upgradeChannel() == null && s.nodeOsUpgradeChannel() == null
                ? null
                : new AutoUpgrade(s.upgradeChannel(), s.nodeOsUpgradeChannel()),
            st.resourceUid()));
  }

  private static Identity identity(ClusterSpec s, ClusterStatus st, ManagedIdentities ids) {
    if (!s.identity().managed()) {
      return null;
    }
    if (!s.identity().userAssignedType()) {
      return new Identity("SystemAssigned", st.systemPrincipalId(), st.tenantId(), null);
    }
    Map<String, UserAssigned> map = new LinkedHashMap<>();
    s.identity()
        .userAssigned()
        .forEach(
            id ->
                map.put(
                    id.toString(),
                    ids.find(id)
                        .map(i -> new UserAssigned(i.principalId(), i.clientId()))
                        .orElse(new UserAssigned(null, null))));
    return new Identity("UserAssigned", null, null, map);
  }
}
