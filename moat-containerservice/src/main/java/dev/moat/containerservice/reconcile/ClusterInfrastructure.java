package dev.moat.containerservice.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.ClusterStatus;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.Naming;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * The Azure resources AKS creates for a cluster, ensured idempotently through internal ARM (as the
 * AKS RP calls ARM): the node resource group ({@code managedBy} the cluster), the kubelet identity
 * {@code {cluster}-agentpool}, the managed VNet {@code aks-vnet-{hash}} when a pool has no {@code
 * vnetSubnetID}, the managed bootstrap registry and the private API server. Anything a user deleted
 * is created again (TS3).
 */
public final class ClusterInfrastructure {
  private final RpArm arm;
  private final ManagedIdentities identities;
  private final ManagedRegistry registry;
  private final PrivateApiServer apiServer;

  public ClusterInfrastructure(
      RpArm arm,
      ManagedIdentities identities,
      ManagedRegistry registry,
      PrivateApiServer apiServer) {
    this.arm = arm;
    this.identities = identities;
    this.registry = registry;
    this.apiServer = apiServer;
  }

  /**
   * The status with what was ensured, whether everything finished provisioning, and (when not) the
   * resources whose change may settle it.
   */
  public record Ensured(ClusterStatus status, boolean settled, List<ResourceId> watched) {}

  public Ensured ensure(ManagedCluster c, List<AgentPool> pools) {
    ResourceId nodeRg = c.nodeResourceGroupId();
    arm.ensure(
        nodeRg, RpArm.GROUPS, Map.of("location", c.location(), "managedBy", c.id().toString()));
    ClusterStatus.Kubelet kubelet = kubelet(c, nodeRg);
    ResourceId managedSubnet =
        pools.stream().anyMatch(p -> p.spec().vnetSubnetId() == null)
            ? managedSubnet(c, nodeRg)
            : null;
    ResourceId firstSubnet = firstSubnet(pools, managedSubnet);
    ClusterSpec.Bootstrap b = c.spec().bootstrap();
    boolean settled = true;
    List<ResourceId> watched = List.of();
    ResourceId registryId = null;
    String loginServer = null;
    if (b.managedRegistry()) {
      ManagedRegistry.Result r = registry.ensure(c, nodeRg, firstSubnet, kubelet);
      registryId = r.registry();
      loginServer = r.loginServer();
      settled = r.settled();
      watched = r.watched();
    } else if (b.containerRegistryId() != null) {
      loginServer =
          arm.get(b.containerRegistryId(), RpArm.REGISTRY)
              .map(j -> j.path("properties").path("loginServer").asText(""))
              .filter(s -> !s.isEmpty())
              .orElse(
                  b.containerRegistryId().name().toLowerCase(java.util.Locale.ROOT)
                      + ".azurecr.io");
    }
    ClusterStatus status =
        c.status()
            .withInfrastructure(kubelet, managedSubnet, registryId, loginServer, null, null, null);
    PrivateApiServer.Result api =
        apiServer.ensure(c.withStatus(status), nodeRg, firstSubnet, managedSubnet);
    status =
        status.withInfrastructure(
            kubelet,
            managedSubnet,
            registryId,
            loginServer,
            api.zone(),
            api.zoneName(),
            api.address());
    return new Ensured(status, settled, watched);
  }

  /** Deletes what AKS created; a BYO registry and its plumbing are never touched (BYO6). */
  public void remove(ManagedCluster c, List<AgentPool> pools) {
    apiServer.remove(c);
    arm.delete(c.nodeResourceGroupId(), RpArm.GROUPS);
  }

  private ClusterStatus.Kubelet kubelet(ManagedCluster c, ResourceId nodeRg) {
    ResourceId id = c.spec().kubeletIdentity();
    if (id == null) {
      id =
          ResourceId.parse(
              nodeRg
                  + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
                  + c.id().name()
                  + "-agentpool");
      arm.ensure(id, RpArm.IDENTITY, Map.of("location", c.location()));
    }
    ResourceId kubeletId = id;
    ManagedIdentities.Identity identity =
        identities
            .find(kubeletId)
            .orElseThrow(() -> new IllegalStateException("kubelet identity missing: " + kubeletId));
    return new ClusterStatus.Kubelet(kubeletId, identity.clientId(), identity.principalId());
  }

  private ResourceId managedSubnet(ManagedCluster c, ResourceId nodeRg) {
    ResourceId vnet =
        ResourceId.parse(
            nodeRg
                + "/providers/Microsoft.Network/virtualNetworks/"
                + Naming.managedVnetName(c.id()));
    arm.ensure(
        vnet,
        RpArm.NETWORK,
        Map.of(
            "location",
            c.location(),
            "properties",
            Map.of("addressSpace", Map.of("addressPrefixes", List.of("10.224.0.0/12")))));
    ResourceId subnet = vnet.child("subnets", "aks-subnet");
    arm.ensure(
        subnet, RpArm.NETWORK, Map.of("properties", Map.of("addressPrefix", "10.224.0.0/16")));
    return subnet;
  }

  /** The subnet of the first pool (System pools first): where private endpoints go (PRIV1). */
  static ResourceId firstSubnet(List<AgentPool> pools, ResourceId managedSubnet) {
    return pools.stream()
        .sorted(
            (a, b) ->
                Boolean.compare(
                    !"System".equalsIgnoreCase(a.spec().mode()),
                    !"System".equalsIgnoreCase(b.spec().mode())))
        .findFirst()
        .map(p -> p.spec().vnetSubnetId() != null ? p.spec().vnetSubnetId() : managedSubnet)
        .orElse(managedSubnet);
  }

  static boolean settled(JsonNode resource) {
    return RpArm.settled(resource);
  }
}
