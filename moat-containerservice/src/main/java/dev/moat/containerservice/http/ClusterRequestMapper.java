package dev.moat.containerservice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.OutboundType;
import dev.moat.containerservice.model.PoolSpec;
import dev.moat.containerservice.service.ClusterRequest;
import dev.moat.containerservice.validation.ContainerServiceError;
import dev.moat.containerservice.validation.PoolAndNetworkRules;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a PUT body onto the model. Profiles a request omits keep their stored values, because
 * clients that do not know a profile (az 2.45 and {@code bootstrapProfile}) resend what they read
 * without it; on create AKS's defaults apply.
 */
final class ClusterRequestMapper {
  private ClusterRequestMapper() {}

  /**
   * @param tree the same body as a JSON tree, for the pass-through properties
   */
  static ClusterRequest map(
      ResourceId id, ClusterWire.ClusterIn in, JsonNode tree, Optional<ManagedCluster> previous) {
    ClusterWire.PropertiesIn p =
        in.properties() != null
            ? in.properties()
            : new ClusterWire.PropertiesIn(
                null, null, null, null, null, null, null, null, null, null, null, null);
    JsonNode properties = tree.path("properties");
    ClusterSpec old = previous.map(ManagedCluster::spec).orElse(null);
    String location = in.location();
    if (location == null && previous.isPresent()) {
      location = previous.get().location();
    }
    if (location == null) {
      throw ContainerServiceError.INVALID_PARAMETER
          .exception("The location property is required.")
          .withTarget("location");
    }
    String rg = id.resourceGroup().orElse("");
    String dnsPrefix =
        p.dnsPrefix() != null
            ? p.dnsPrefix()
            : old != null ? old.dnsPrefix() : defaultDnsPrefix(id, rg);
    String nodeRg =
        p.nodeResourceGroup() != null
            ? p.nodeResourceGroup()
            : old != null ? old.nodeResourceGroup() : "MC_" + rg + "_" + id.name() + "_" + location;
    ClusterSpec.Identity identity = identity(in, p, old);
    ResourceId kubelet = kubelet(p, old);
    // AKS returns the client id as sent, also beside a managed identity (ManagedClustersGet.json).
    String spClient =
        p.servicePrincipalProfile() != null && p.servicePrincipalProfile().clientId() != null
            ? p.servicePrincipalProfile().clientId()
            : old != null ? old.servicePrincipalClientId() : null;
    ClusterSpec spec =
        new ClusterSpec(
            p.kubernetesVersion() != null
                ? p.kubernetesVersion()
                : old != null ? old.kubernetesVersion() : "",
            dnsPrefix,
            p.fqdnSubdomain() != null
                ? p.fqdnSubdomain()
                : old != null ? old.fqdnSubdomain() : null,
            identity,
            spClient,
            kubelet,
            bootstrap(p.bootstrapProfile(), old),
            network(p.networkProfile(), old),
            apiServer(p.apiServerAccessProfile(), old),
            nodeRg,
            p.autoUpgradeProfile() != null
                ? p.autoUpgradeProfile().upgradeChannel()
                : old != null ? old.upgradeChannel() : null,
            p.autoUpgradeProfile() != null
                ? p.autoUpgradeProfile().nodeOSUpgradeChannel()
                : old != null ? old.nodeOsUpgradeChannel() : null,
            p.enableRBAC() != null ? p.enableRBAC() : old == null || old.enableRbac(),
            in.sku() != null && in.sku().name() != null ? in.sku().name() : "Base",
            in.sku() != null && in.sku().tier() != null ? in.sku().tier() : "Free",
            PassThroughFields.cluster(properties));
    Map<String, PoolSpec> pools = new LinkedHashMap<>();
    if (p.agentPoolProfiles() != null) {
      JsonNode profiles = properties.path("agentPoolProfiles");
      for (int i = 0; i < p.agentPoolProfiles().size(); i++) {
        ClusterWire.PoolIn pool = p.agentPoolProfiles().get(i);
        if (pool.name() == null) {
          throw ContainerServiceError.INVALID_POOL_NAME
              .exception()
              .withTarget("agentPoolProfile.name");
        }
        pools.put(pool.name(), pool(pool, profiles.path(i), null));
      }
    }
    PoolAndNetworkRules.checkClusterPools(pools);
    PoolAndNetworkRules.checkNetwork(spec.network());
    return new ClusterRequest(location, in.tags(), spec, pools);
  }

  /**
   * An agent pool's properties; {@code previous} supplies what an update omits of the modelled
   * ones, while the pass-through ones ({@code tree} minus those) are replaced.
   */
  static PoolSpec pool(ClusterWire.PoolIn in, JsonNode tree, PoolSpec previous) {
    String mode = in.mode() != null ? in.mode() : previous != null ? previous.mode() : "System";
    return new PoolSpec(
        in.count() != null ? in.count() : previous != null ? previous.count() : 1,
        in.vmSize() != null
            ? in.vmSize()
            : previous != null ? previous.vmSize() : "Standard_DS2_v2",
        in.osType() != null ? in.osType() : previous != null ? previous.osType() : "Linux",
        in.osSKU() != null ? in.osSKU() : previous != null ? previous.osSku() : "Ubuntu",
        mode,
        in.type() != null ? in.type() : "VirtualMachineScaleSets",
        in.vnetSubnetID() != null
            ? ResourceId.parse(in.vnetSubnetID())
            : previous != null ? previous.vnetSubnetId() : null,
        in.orchestratorVersion(),
        in.maxPods() != null ? in.maxPods() : 110,
        in.osDiskSizeGB() != null ? in.osDiskSizeGB() : 128,
        in.availabilityZones(),
        in.nodeLabels(),
        in.enableAutoScaling(),
        in.minCount(),
        in.maxCount(),
        in.tags(),
        PassThroughFields.pool(tree));
  }

  private static String defaultDnsPrefix(ResourceId id, String rg) {
    // az's default: {name}-{rg}-{first 6 of subscription}, letters/digits/dashes only.
    String raw = id.name() + "-" + rg + "-" + id.subscriptionId().substring(0, 6);
    String clean = raw.replaceAll("[^A-Za-z0-9-]", "");
    return clean.length() > 54 ? clean.substring(0, 54) : clean;
  }

  private static ClusterSpec.Identity identity(
      ClusterWire.ClusterIn in, ClusterWire.PropertiesIn p, ClusterSpec old) {
    if (in.identity() != null && in.identity().type() != null) {
      List<ResourceId> ids = new ArrayList<>();
      if (in.identity().userAssignedIdentities() != null) {
        in.identity().userAssignedIdentities().keySet().forEach(k -> ids.add(ResourceId.parse(k)));
      }
      String type = in.identity().type();
      if ("UserAssigned".equalsIgnoreCase(type) && ids.size() != 1) {
        throw ContainerServiceError.INVALID_PARAMETER
            .exception(
                "The user assigned identity must be specified and only one is allowed for"
                    + " identity type 'UserAssigned'.")
            .withTarget("identity.userAssignedIdentities");
      }
      return new ClusterSpec.Identity(type, ids);
    }
    if (old != null) {
      return old.identity();
    }
    boolean servicePrincipal =
        p.servicePrincipalProfile() != null
            && p.servicePrincipalProfile().clientId() != null
            && !"msi".equalsIgnoreCase(p.servicePrincipalProfile().clientId());
    return new ClusterSpec.Identity(servicePrincipal ? "None" : "SystemAssigned", List.of());
  }

  private static ResourceId kubelet(ClusterWire.PropertiesIn p, ClusterSpec old) {
    if (p.identityProfile() != null) {
      ClusterWire.UserAssignedIn k = p.identityProfile().get("kubeletidentity");
      if (k != null && k.resourceId() != null) {
        ResourceId id = ResourceId.parse(k.resourceId());
        // A resend of the identity AKS created is not a BYO identity.
        if (old == null || old.kubeletIdentity() != null || !id.name().endsWith("-agentpool")) {
          return id;
        }
      }
    }
    return old != null ? old.kubeletIdentity() : null;
  }

  private static ClusterSpec.Bootstrap bootstrap(ClusterWire.BootstrapIn in, ClusterSpec old) {
    if (in == null) {
      return old != null ? old.bootstrap() : new ClusterSpec.Bootstrap(ArtifactSource.Direct, null);
    }
    return new ClusterSpec.Bootstrap(
        in.artifactSource() != null ? in.artifactSource() : ArtifactSource.Direct,
        in.containerRegistryId() == null || in.containerRegistryId().isEmpty()
            ? null
            : ResourceId.parse(in.containerRegistryId()));
  }

  private static ClusterSpec.Network network(ClusterWire.NetworkIn in, ClusterSpec old) {
    ClusterSpec.Network base =
        old != null
            ? old.network()
            : new ClusterSpec.Network(
                "kubenet",
                null,
                null,
                OutboundType.loadBalancer,
                null,
                "10.0.0.0/16",
                "10.0.0.10",
                "standard");
    if (in == null) {
      return base;
    }
    String plugin = in.networkPlugin() != null ? in.networkPlugin() : base.networkPlugin();
    String podCidr = in.podCidr() != null ? in.podCidr() : base.podCidr();
    if (podCidr == null && ("kubenet".equals(plugin) || "overlay".equals(in.networkPluginMode()))) {
      podCidr = "10.244.0.0/16";
    }
    return new ClusterSpec.Network(
        plugin,
        in.networkPluginMode() != null ? in.networkPluginMode() : base.networkPluginMode(),
        in.networkPolicy() != null ? in.networkPolicy() : base.networkPolicy(),
        in.outboundType() != null ? in.outboundType() : base.outboundType(),
        podCidr,
        in.serviceCidr() != null ? in.serviceCidr() : base.serviceCidr(),
        in.dnsServiceIP() != null ? in.dnsServiceIP() : base.dnsServiceIp(),
        in.loadBalancerSku() != null
            ? in.loadBalancerSku().toLowerCase(java.util.Locale.ROOT)
            : base.loadBalancerSku());
  }

  private static ClusterSpec.ApiServer apiServer(ClusterWire.ApiServerIn in, ClusterSpec old) {
    if (in == null) {
      return old != null
          ? old.apiServer()
          : new ClusterSpec.ApiServer(false, false, null, null, null, List.of(), null);
    }
    boolean priv = Boolean.TRUE.equals(in.enablePrivateCluster());
    boolean vni = Boolean.TRUE.equals(in.enableVnetIntegration());
    String zone = in.privateDNSZone();
    if (priv && !vni && zone == null) {
      zone = "system";
    }
    return new ClusterSpec.ApiServer(
        priv,
        vni,
        in.subnetId() == null || in.subnetId().isEmpty() ? null : ResourceId.parse(in.subnetId()),
        zone,
        in.enablePrivateClusterPublicFQDN(),
        in.authorizedIPRanges(),
        in.disableRunCommand());
  }
}
