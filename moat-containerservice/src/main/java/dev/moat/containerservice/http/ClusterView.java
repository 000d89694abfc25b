package dev.moat.containerservice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.ClusterStatus;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.platform.contracts.ManagedIdentities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The response shape of a managed cluster (newest api-version; clients ignore the rest). */
record ClusterView(
    String id,
    String name,
    String type,
    String location,
    Map<String, String> tags,
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
      List<String> ipFamilies) {}

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
      String resourceUID,
      JsonNode linuxProfile,
      JsonNode windowsProfile,
      JsonNode addonProfiles,
      JsonNode aadProfile,
      JsonNode securityProfile,
      JsonNode oidcIssuerProfile,
      JsonNode storageProfile,
      JsonNode supportPlan) {}

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
    ClusterSpec.Passthrough pt = s.passthrough();
    return new ClusterView(
        c.id().toString(),
        c.id().name(),
        TYPE,
        c.location(),
        c.tags(),
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
            new ServicePrincipal(s.identity().managed() ? "msi" : s.servicePrincipalClientId()),
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
                List.of("IPv4")),
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
            st.resourceUid(),
            pt.linuxProfile(),
            pt.windowsProfile(),
            pt.addonProfiles(),
            pt.aadProfile(),
            pt.securityProfile(),
            pt.oidcIssuerProfile(),
            pt.storageProfile(),
            pt.supportPlan()));
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

  /** {@code {"value":[...]}}. */
  record Page(List<ClusterView> value) {}
}
