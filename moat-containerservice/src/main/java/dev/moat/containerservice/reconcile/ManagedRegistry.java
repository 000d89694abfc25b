package dev.moat.containerservice.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.containerservice.model.ClusterStatus;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.Naming;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * The AKS-managed bootstrap registry (MACR1–2) in the node resource group: a Premium registry with
 * public access disabled named {@code aksbootstrap{hash}}, the cache rule {@code aks-managed-mcr}
 * ({@code mcr.microsoft.com/*} → {@code aks-managed-repository/*}), a private endpoint in the node
 * subnet, the {@code privatelink.azurecr.io} zone linked to the cluster VNet, a DNS zone group (so
 * both A records are written) and AcrPull for the kubelet identity. Each is created if missing, so
 * a reconcile repairs what a user deleted (TS3).
 */
public final class ManagedRegistry {
  static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
  static final String ZONE = "privatelink.azurecr.io";

  private final RpArm arm;

  public ManagedRegistry(RpArm arm) {
    this.arm = arm;
  }

  /** What was ensured and whether it all finished provisioning. */
  /**
   * @param watched what {@code settled} waits for: the resources ensured here that provision
   */
  public record Result(
      ResourceId registry, String loginServer, boolean settled, List<ResourceId> watched) {}

  public Result ensure(
      ManagedCluster c, ResourceId nodeRg, ResourceId subnet, ClusterStatus.Kubelet kubelet) {
    String name = Naming.managedRegistryName(c.id());
    ResourceId registry =
        ResourceId.parse(nodeRg + "/providers/Microsoft.ContainerRegistry/registries/" + name);
    JsonNode acr =
        arm.ensure(
            registry,
            RpArm.REGISTRY,
            Map.of(
                "location",
                c.location(),
                "sku",
                Map.of("name", "Premium"),
                "properties",
                Map.of("publicNetworkAccess", "Disabled", "anonymousPullEnabled", false)));
    JsonNode rule =
        arm.ensure(
            registry.child("cacheRules", "aks-managed-mcr"),
            RpArm.REGISTRY,
            Map.of(
                "properties",
                Map.of(
                    "sourceRepository", "mcr.microsoft.com/*",
                    "targetRepository", "aks-managed-repository/*")));
    ResourceId zone =
        ResourceId.parse(nodeRg + "/providers/Microsoft.Network/privateDnsZones/" + ZONE);
    JsonNode zoneJson = arm.ensure(zone, RpArm.DNS, Map.of("location", "global"));
    ResourceId vnet = subnet.parent().orElseThrow();
    JsonNode link =
        arm.ensure(
            zone.child("virtualNetworkLinks", Naming.hash8(vnet.key()) + "-link"),
            RpArm.DNS,
            Map.of(
                "location",
                "global",
                "properties",
                Map.of(
                    "virtualNetwork",
                    Map.of("id", vnet.toString()),
                    "registrationEnabled",
                    false)));
    ResourceId endpoint =
        ResourceId.parse(nodeRg + "/providers/Microsoft.Network/privateEndpoints/" + name + "-pe");
    JsonNode pe =
        arm.ensure(
            endpoint,
            RpArm.NETWORK,
            Map.of(
                "location",
                c.location(),
                "properties",
                Map.of(
                    "subnet",
                    Map.of("id", subnet.toString()),
                    "privateLinkServiceConnections",
                    List.of(
                        Map.of(
                            "name",
                            name + "-connection",
                            "properties",
                            Map.of(
                                "privateLinkServiceId",
                                registry.toString(),
                                "groupIds",
                                List.of("registry")))))));
    JsonNode group =
        arm.ensure(
            endpoint.child("privateDnsZoneGroups", "default"),
            RpArm.NETWORK,
            Map.of(
                "properties",
                Map.of(
                    "privateDnsZoneConfigs",
                    List.of(
                        Map.of(
                            "name",
                            "privatelink-azurecr-io",
                            "properties",
                            Map.of("privateDnsZoneId", zone.toString()))))));
    ResourceId assignment =
        registry.provider(
            "Microsoft.Authorization",
            "roleAssignments",
            Naming.guid("acrpull|" + registry.key() + "|" + kubelet.objectId()));
    arm.ensure(
        assignment,
        RpArm.AUTHORIZATION,
        Map.of(
            "properties",
            Map.of(
                "roleDefinitionId",
                "/subscriptions/"
                    + c.id().subscriptionId()
                    + "/providers/Microsoft.Authorization/roleDefinitions/"
                    + ACR_PULL,
                "principalId",
                kubelet.objectId(),
                "principalType",
                "ServicePrincipal")));
    boolean settled =
        List.of(acr, rule, zoneJson, link, pe, group).stream().allMatch(RpArm::settled);
    List<ResourceId> watched =
        List.of(
            registry,
            registry.child("cacheRules", "aks-managed-mcr"),
            zone,
            zone.child("virtualNetworkLinks", Naming.hash8(vnet.key()) + "-link"),
            endpoint,
            endpoint.child("privateDnsZoneGroups", "default"));
    return new Result(registry, name + ".azurecr.io", settled, watched);
  }
}
