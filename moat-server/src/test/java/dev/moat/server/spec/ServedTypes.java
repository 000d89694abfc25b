package dev.moat.server.spec;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The served types the spec tests exercise, each with where its i-th item lives, the api-version
 * and a base body every generated body keeps (the parents it needs are created by the test's setup:
 * group {@code prop}, VNet {@code pvnet}, zone {@code pz.example.com}, registry {@code propacr}).
 */
final class ServedTypes {
  private ServedTypes() {}

  /** A served type: where an item lives, its api-version and a base every body keeps. */
  public record Case(String type, String version, IntFunction<String> path, String base) {
    @Override
    public String toString() {
      return type;
    }
  }

  static List<Case> cases(String sub, String rg) {
    String net = "/providers/Microsoft.Network/";
    List<Case> cases =
        List.of(
            new Case(
                "Microsoft.Resources/resourceGroups",
                "2025-04-01",
                i -> "/subscriptions/" + sub + "/resourceGroups/prop-rg" + i,
                "{\"location\":\"eastus\"}"),
            new Case(
                "Microsoft.Network/virtualNetworks",
                "2024-05-01",
                i -> rg + net + "virtualNetworks/vnet" + i,
                "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"10."
                    + 0
                    + ".0.0/16\"]}}}"),
            new Case(
                "Microsoft.Network/virtualNetworks/subnets",
                "2024-05-01",
                i -> rg + net + "virtualNetworks/pvnet/subnets/s" + i,
                "{\"properties\":{\"addressPrefix\":\"10.200.SLOT.0/24\"}}"),
            new Case(
                "Microsoft.Network/privateEndpoints",
                "2024-05-01",
                i -> rg + net + "privateEndpoints/pe" + i,
                "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\""
                    + rg
                    + net
                    + "virtualNetworks/pvnet/subnets/pe\"},"
                    + "\"privateLinkServiceConnections\":[{\"name\":\"c\",\"properties\":{\"privateLinkServiceId\":\""
                    + rg
                    + "/providers/Microsoft.ContainerRegistry/registries/propacr\",\"groupIds\":[\"registry\"]}}]}}"),
            new Case(
                "Microsoft.Network/networkInterfaces",
                "2024-05-01",
                i -> rg + net + "networkInterfaces/nic" + i,
                "{\"location\":\"eastus\"}"),
            new Case(
                "Microsoft.Network/privateDnsZones",
                "2024-06-01",
                i -> rg + net + "privateDnsZones/z" + i + ".example.com",
                "{\"location\":\"global\"}"),
            new Case(
                "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
                "2024-06-01",
                i -> rg + net + "privateDnsZones/z" + i + ".example.com/virtualNetworkLinks/l",
                "{\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\""
                    + rg
                    + net
                    + "virtualNetworks/pvnet\"}}}"),
            new Case(
                "Microsoft.Network/privateDnsZones/A",
                "2024-06-01",
                i -> rg + net + "privateDnsZones/pz.example.com/A/r" + i,
                "{\"properties\":{\"ttl\":300,\"aRecords\":[{\"ipv4Address\":\"10.1.1.1\"}]}}"),
            new Case(
                "Microsoft.ManagedIdentity/userAssignedIdentities",
                "2018-11-30",
                i -> rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id" + i,
                "{\"location\":\"eastus\"}"),
            new Case(
                "Microsoft.ContainerRegistry/registries",
                "2025-11-01",
                i -> rg + "/providers/Microsoft.ContainerRegistry/registries/propacr" + i,
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"}}"),
            new Case(
                "Microsoft.ContainerRegistry/registries/cacheRules",
                "2025-11-01",
                i ->
                    rg
                        + "/providers/Microsoft.ContainerRegistry/registries/propacr/cacheRules/rule"
                        + i,
                "{\"properties\":{\"sourceRepository\":\"mcr.microsoft.com/r"
                    + "\",\"targetRepository\":\"tSLOT\"}}"),
            new Case(
                "Microsoft.Authorization/roleAssignments",
                "2022-04-01",
                i ->
                    rg
                        + "/providers/Microsoft.Authorization/roleAssignments/"
                        + java.util.UUID.nameUUIDFromBytes(("ra" + i).getBytes()),
                "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/"
                    + sub
                    + "/providers/Microsoft.Authorization/roleDefinitions/"
                    + "7f951dda-4ed3-4680-a7ca-43fe172d538d\",\"principalId\":"
                    + "\"00000000-0000-0000-0000-00000000000a\"}}"),
            new Case(
                "Microsoft.ContainerService/managedClusters",
                "2025-10-01",
                i -> rg + "/providers/Microsoft.ContainerService/managedClusters/aks" + i,
                "{\"location\":\"eastus\",\"properties\":{\"dnsPrefix\":\"aks\",\"agentPoolProfiles\":[{\"name\":\"sys\",\"count\":1,\"mode\":\"System\"}]}}"));
    return cases;
  }
}
