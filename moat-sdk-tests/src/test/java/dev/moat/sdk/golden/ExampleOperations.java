package dev.moat.sdk.golden;

import java.util.Map;
import java.util.Optional;

/**
 * Where each example's operation lives: {@code operationId} → HTTP method, path template (from the
 * operation's spec) and the name of its body parameter. Examples that carry no {@code operationId}
 * are mapped by file name in {@link #BY_FILE}.
 */
final class ExampleOperations {
  private ExampleOperations() {}

  /** One REST operation of a spec. */
  record Operation(String method, String template, String bodyParameter) {
    Optional<String> body() {
      return Optional.ofNullable(bodyParameter);
    }
  }

  private static final String RG =
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}";
  private static final String NET = RG + "/providers/Microsoft.Network";
  private static final String ACR =
      RG + "/providers/Microsoft.ContainerRegistry/registries/{registryName}";
  private static final String AKS =
      RG + "/providers/Microsoft.ContainerService/managedClusters/{resourceName}";

  static final Map<String, Operation> BY_ID =
      Map.ofEntries(
          Map.entry("ResourceGroups_CreateOrUpdate", new Operation("PUT", RG, "parameters")),
          Map.entry("ResourceGroups_Get", new Operation("GET", RG, null)),
          Map.entry(
              "UserAssignedIdentities_CreateOrUpdate",
              new Operation(
                  "PUT",
                  RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}",
                  "parameters")),
          Map.entry(
              "UserAssignedIdentities_Get",
              new Operation(
                  "GET",
                  RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}",
                  null)),
          Map.entry(
              "RoleAssignments_Create",
              new Operation(
                  "PUT",
                  "/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}",
                  "parameters")),
          Map.entry(
              "RoleAssignments_Get",
              new Operation(
                  "GET",
                  "/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}",
                  null)),
          Map.entry(
              "VirtualNetworks_CreateOrUpdate",
              new Operation("PUT", NET + "/virtualNetworks/{virtualNetworkName}", "parameters")),
          Map.entry(
              "Subnets_CreateOrUpdate",
              new Operation(
                  "PUT",
                  NET + "/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}",
                  "subnetParameters")),
          Map.entry(
              "Subnets_Get",
              new Operation(
                  "GET", NET + "/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}", null)),
          Map.entry(
              "PrivateEndpoints_CreateOrUpdate",
              new Operation("PUT", NET + "/privateEndpoints/{privateEndpointName}", "parameters")),
          Map.entry(
              "PrivateEndpoints_Get",
              new Operation("GET", NET + "/privateEndpoints/{privateEndpointName}", null)),
          Map.entry(
              "NetworkInterfaces_Get",
              new Operation("GET", NET + "/networkInterfaces/{networkInterfaceName}", null)),
          Map.entry(
              "PrivateZones_CreateOrUpdate",
              new Operation("PUT", NET + "/privateDnsZones/{privateZoneName}", "parameters")),
          Map.entry(
              "PrivateZones_Get",
              new Operation("GET", NET + "/privateDnsZones/{privateZoneName}", null)),
          Map.entry(
              "RecordSets_CreateOrUpdate",
              new Operation(
                  "PUT",
                  NET + "/privateDnsZones/{privateZoneName}/{recordType}/{relativeRecordSetName}",
                  "parameters")),
          Map.entry(
              "VirtualNetworkLinks_CreateOrUpdate",
              new Operation(
                  "PUT",
                  NET
                      + "/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}",
                  "parameters")),
          Map.entry("Registries_Create", new Operation("PUT", ACR, "registry")),
          Map.entry("Registries_Get", new Operation("GET", ACR, null)),
          Map.entry(
              "Registries_ListPrivateLinkResources",
              new Operation("GET", ACR + "/privateLinkResources", null)),
          Map.entry(
              "CacheRules_Create",
              new Operation(
                  "PUT", ACR + "/cacheRules/{cacheRuleName}", "cacheRuleCreateParameters")),
          Map.entry(
              "CacheRules_Get", new Operation("GET", ACR + "/cacheRules/{cacheRuleName}", null)),
          Map.entry("ManagedClusters_CreateOrUpdate", new Operation("PUT", AKS, "parameters")),
          Map.entry("ManagedClusters_Get", new Operation("GET", AKS, null)),
          Map.entry("ManagedClusters_Delete", new Operation("DELETE", AKS, null)),
          Map.entry(
              "AgentPools_Get", new Operation("GET", AKS + "/agentPools/{agentPoolName}", null)),
          Map.entry(
              "AgentPools_UpgradeNodeImageVersion",
              new Operation(
                  "POST", AKS + "/agentPools/{agentPoolName}/upgradeNodeImageVersion", null)),
          Map.entry(
              "OperationStatusResult_Get",
              new Operation("GET", AKS + "/operations/{operationId}", null)));

  /** The operationId of the examples that do not carry one (file name → operationId). */
  static final Map<String, String> BY_FILE =
      Map.of(
          "RoleAssignments_CreateForResource.json", "RoleAssignments_Create",
          "RoleAssignments_CreateForResourceGroup.json", "RoleAssignments_Create",
          "RoleAssignments_Get.json", "RoleAssignments_Get",
          "VirtualNetworkCreate.json", "VirtualNetworks_CreateOrUpdate",
          "SubnetCreateWithDelegation.json", "Subnets_CreateOrUpdate",
          "SubnetGet.json", "Subnets_Get",
          "PrivateEndpointCreate.json", "PrivateEndpoints_CreateOrUpdate",
          "PrivateEndpointGet.json", "PrivateEndpoints_Get",
          "NetworkInterfaceGet.json", "NetworkInterfaces_Get");
}
