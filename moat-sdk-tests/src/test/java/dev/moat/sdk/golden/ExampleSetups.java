package dev.moat.sdk.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.platform.json.Json;
import java.util.List;
import java.util.Map;

/**
 * Per example file: what must exist before it can be replayed, created with minimal valid calls.
 * Every example file must have an entry here, so a new file cannot pass unnoticed.
 */
final class ExampleSetups {
  private ExampleSetups() {}

  private static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
  private static final String EXAMPLE_ROLE = "0b5fe924-9a61-425c-96af-cfe6e287ca2d";
  private static final String EXAMPLE_PRINCIPAL = "ce2ce14e-85d7-4629-bdbc-454d0519d987";
  private static final String NET = "/providers/Microsoft.Network";
  private static final String ACR = "/providers/Microsoft.ContainerRegistry/registries/";
  private static final String AKS = "/providers/Microsoft.ContainerService/managedClusters/";

  /** Version strings of the example authors' 2020 clusters; a cluster made today has others. */
  private static final Map<String, String> AKS_VERSIONS =
      Map.of(
          "properties.kubernetesVersion", "a supported version today, not the example's 1.9.6",
          "properties.currentKubernetesVersion", "same",
          "properties.agentPoolProfiles[*].orchestratorVersion", "same",
          "properties.agentPoolProfiles[*].currentOrchestratorVersion", "same",
          "properties.agentPoolProfiles[*].nodeImageVersion", "node image of today",
          "properties.fqdn", "dnsPrefix plus a generated suffix",
          "properties.azurePortalFQDN", "dnsPrefix plus a generated suffix",
          "properties.privateFQDN", "a generated host in the private zone");

  /**
   * Values the service assigns, not the request: the agent-pool quota (the examples' 1 is from an
   * old preview; Azure reports 100) and the effective outbound IPs, which Azure allocates as public
   * IP resources Moat does not have.
   */
  private static final Map<String, String> AKS_ASSIGNED =
      Map.of(
          "properties.maxAgentPools", "service quota",
          "properties.networkProfile.loadBalancerProfile.effectiveOutboundIPs",
              "assigned by the service from public IPs it creates");

  /**
   * For create requests that send no load-balancer settings, the examples show 2000 ports and 10
   * minutes, which are neither in the request nor Azure's documented defaults (0 and 30).
   */
  private static final Map<String, String> AKS_LB_DEFAULTS =
      Map.of(
          "properties.networkProfile.loadBalancerProfile.allocatedOutboundPorts",
              "documented default is 0; the example's 2000 is not in its request",
          "properties.networkProfile.loadBalancerProfile.idleTimeoutInMinutes",
              "documented default is 30; the example's 10 is not in its request");

  private static Map<String, String> merge(List<Map<String, String>> maps) {
    Map<String, String> all = new java.util.LinkedHashMap<>();
    maps.forEach(all::putAll);
    return Map.copyOf(all);
  }

  private static final Map<String, String> AKS_CREATED =
      merge(List.of(AKS_VERSIONS, AKS_ASSIGNED, AKS_LB_DEFAULTS));

  /**
   * Private DNS zone quotas: the examples show the limits before 2023 (5,000 record sets, 100
   * links, 50 with registration); Azure has since raised them and reports its current ones.
   */
  private static final Map<String, String> ZONE_LIMITS =
      Map.of(
          "properties.maxNumberOfRecordSets", "service quota; the example's is from before 2023",
          "properties.maxNumberOfVirtualNetworkLinks", "same",
          "properties.maxNumberOfVirtualNetworkLinksWithRegistration", "same");

  static final Map<String, ExampleSetup> BY_FILE =
      Map.ofEntries(
          // Microsoft.Resources
          Map.entry("CreateResourceGroup.json", ExampleSetup.of(r -> {})),
          Map.entry(
              "ResourceGroups_Get.json",
              ExampleSetup.of(r -> r.group("my-resource-group", "westus2"))),
          // Microsoft.ManagedIdentity: the example's response calls the identity "identityName"
          // although its path says "resourceName".
          Map.entry(
              "IdentityCreate.json",
              ExampleSetup.of(
                  r -> {
                    r.group("rgName", "eastus");
                    r.substitute("identityName", "resourceName");
                  })),
          Map.entry(
              "IdentityGet.json",
              ExampleSetup.of(
                  r -> {
                    r.group("rgName", "eastus");
                    r.put(
                        r.in(
                            "rgName",
                            "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/resourceName"),
                        "2024-11-30",
                        "{\"location\":\"eastus\",\"tags\":{\"key1\":\"value1\",\"key2\":\"value2\"}}");
                    r.substitute("identityName", "resourceName");
                  })),
          // Microsoft.Authorization: the example's custom role and user exist only in the spec
          // authors' tenant; AcrPull and a real identity's principal stand in for them.
          Map.entry(
              "RoleAssignments_CreateForResourceGroup.json",
              ExampleSetup.of(
                  r -> {
                    r.group("testrg", "eastus");
                    assignable(r, "testrg");
                  })),
          Map.entry(
              "RoleAssignments_CreateForResource.json",
              ExampleSetup.of(
                  r -> {
                    r.group("testrg", "eastus");
                    assignable(r, "testrg");
                    // Moat serves no Microsoft.DocumentDb; a registry is the resource scope.
                    r.put(
                        r.in("testrg", ACR + "testdbaccount"),
                        "2025-11-01",
                        "{\"location\":\"eastus\",\"sku\":{\"name\":\"Standard\"}}");
                    r.substitute(
                        "providers/Microsoft.DocumentDb/databaseAccounts/test-db-account",
                        "providers/Microsoft.ContainerRegistry/registries/testdbaccount");
                  })),
          Map.entry(
              "RoleAssignments_Get.json",
              ExampleSetup.of(
                  r -> {
                    r.group("ra-rg", "eastus");
                    String principal = assignable(r, "ra-rg");
                    r.put(
                        "/subscriptions/"
                            + r.subscription()
                            + "/providers/Microsoft.Authorization/roleAssignments/"
                            + "b0f43c54-e787-4862-89b1-a653fa9cf747",
                        "2022-04-01",
                        "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/"
                            + r.subscription()
                            + "/providers/Microsoft.Authorization/roleDefinitions/"
                            + ACR_PULL
                            + "\",\"principalId\":\""
                            + principal
                            + "\",\"principalType\":\"User\"}}");
                  })),
          // Microsoft.Network
          Map.entry("VirtualNetworkCreate.json", ExampleSetup.of(r -> r.group("rg1", "eastus"))),
          Map.entry(
              "SubnetCreateWithDelegation.json",
              ExampleSetup.of(
                      r -> {
                        r.group("subnet-test", "eastus");
                        vnet(r, "subnet-test", "vnetname", "10.0.0.0/16");
                        r.substitute(
                            "Microsoft.Provider/resourceType",
                            "Microsoft.DBforPostgreSQL/flexibleServers");
                      })
                  // The published request has no delegation although its response shows one; its
                  // placeholder
                  // service name (Microsoft.Provider/resourceType) is one Azure refuses
                  // (InvalidServiceNameOnDelegation), so a delegable service stands in.
                  .patchingRequest(
                      body ->
                          ((ObjectNode) body.path("properties"))
                              .set(
                                  "delegations",
                                  Json.mapper()
                                      .valueToTree(
                                          java.util.List.of(
                                              Map.of(
                                                  "name",
                                                  "myDelegation",
                                                  "properties",
                                                  Map.of(
                                                      "serviceName",
                                                      "Microsoft.DBforPostgreSQL/flexibleServers"))))))),
          Map.entry(
              "SubnetGet.json",
              ExampleSetup.of(
                  r -> {
                    r.group("subnet-test", "eastus");
                    vnet(r, "subnet-test", "vnetname", "10.0.0.0/16");
                    r.put(
                        r.in("subnet-test", NET + "/virtualNetworks/vnetname/subnets/subnet1"),
                        "2026-01-01",
                        "{\"properties\":{\"addressPrefix\":\"10.0.0.0/16\"}}");
                  })),
          Map.entry("PrivateEndpointCreate.json", ExampleSetup.of(ExampleSetups::peTarget)),
          Map.entry("PrivateEndpointGet.json", ExampleSetup.of(ExampleSetups::peTarget)),
          Map.entry(
              "NetworkInterfaceGet.json",
              ExampleSetup.of(
                  r -> {
                    r.group("rg1", "eastus");
                    r.put(
                        r.in("rg1", NET + "/publicIPAddresses/test-ip"),
                        "2026-01-01",
                        "{\"location\":\"eastus\",\"sku\":{\"name\":\"Standard\"}}");
                  })),
          // Private DNS
          Map.entry(
              "PrivateZonePut.json",
              ExampleSetup.of(r -> r.group("resourceGroup1", "eastus")).generated(ZONE_LIMITS)),
          Map.entry(
              "PrivateZoneGet.json",
              ExampleSetup.of(
                      r -> {
                        r.group("resourceGroup1", "eastus");
                        zone(r, "resourceGroup1", "privatezone1.com", "{\"key1\":\"value1\"}");
                      })
                  .generated(ZONE_LIMITS)),
          Map.entry(
              "RecordSetAPut.json",
              ExampleSetup.of(
                  r -> {
                    r.group("resourceGroup1", "eastus");
                    zone(r, "resourceGroup1", "privatezone1.com", "{}");
                  })),
          Map.entry(
              "VirtualNetworkLinkPut.json",
              ExampleSetup.of(
                  r -> {
                    r.group("resourceGroup1", "eastus");
                    r.group("virtualNetworkResourceGroup", "eastus");
                    vnet(r, "virtualNetworkResourceGroup", "virtualNetworkName", "10.1.0.0/16");
                    zone(r, "resourceGroup1", "privatezone1.com", "{}");
                  })),
          // Microsoft.ContainerRegistry
          Map.entry(
              "RegistryCreateZoneRedundant.json",
              ExampleSetup.of(r -> r.group("myResourceGroup", "westus"))),
          Map.entry(
              "RegistryGet.json",
              ExampleSetup.of(
                  r -> {
                    r.group("myResourceGroup", "westus");
                    r.put(
                        r.in("myResourceGroup", ACR + "myRegistry"),
                        "2025-11-01",
                        "{\"location\":\"westus\",\"tags\":{\"key\":\"value\"},\"sku\":{\"name\":\"Standard\"}}");
                  })),
          Map.entry(
              "RegistryListPrivateLinkResources.json",
              ExampleSetup.of(
                  r -> {
                    r.group("myResourceGroup", "westus");
                    r.put(
                        r.in("myResourceGroup", ACR + "myRegistry"),
                        "2025-11-01",
                        "{\"location\":\"westus\",\"sku\":{\"name\":\"Premium\"}}");
                    r.substitute("registry_data_myregion", "registry_data_westus");
                  })),
          Map.entry("CacheRuleCreate.json", ExampleSetup.of(r -> registryWithCredentials(r))),
          Map.entry(
              "CacheRuleGet.json",
              ExampleSetup.of(
                  r -> {
                    registryWithCredentials(r);
                    r.put(
                        r.in("myResourceGroup", ACR + "myRegistry/cacheRules/myCacheRule"),
                        "2025-11-01",
                        "{\"properties\":{\"sourceRepository\":\"docker.io/library/hello-world\","
                            + "\"targetRepository\":\"cached-docker-hub/hello-world\","
                            + "\"credentialSetResourceId\":\""
                            + r.in(
                                "myResourceGroup",
                                ACR + "myRegistry/credentialSets/myCredentialSet")
                            + "\"}}");
                  })),
          // Microsoft.ContainerService ("location1" is the spec authors' placeholder region)
          Map.entry(
              "ManagedClustersCreate_PrivateClusterFQDNSubdomain.json",
              ExampleSetup.of(
                      r -> {
                        aksGroup(r);
                        zone(r, "rg1", "privatelink.eastus.azmk8s.io", "{}");
                      })
                  .generated(AKS_CREATED)),
          Map.entry(
              "ManagedClustersCreate_Update.json",
              ExampleSetup.of(
                      r -> {
                        aksGroup(r);
                        r.group("rgName1", "eastus");
                        // The example shows the identity's generated ids as "clientId1" and
                        // "principalId1"; the real identity's stand in for them.
                        JsonNode identity =
                            r.put(
                                r.in(
                                    "rgName1",
                                    "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
                                        + "identity1"),
                                "2024-11-30",
                                "{\"location\":\"eastus\"}");
                        r.substitute(
                            "clientId1", identity.path("properties").path("clientId").asText());
                        r.substitute(
                            "principalId1",
                            identity.path("properties").path("principalId").asText());
                      })
                  .generated(AKS_CREATED)),
          Map.entry(
              "ManagedClustersCreate_UserAssignedNATGateway.json",
              ExampleSetup.of(ExampleSetups::aksGroup).generated(AKS_CREATED)),
          Map.entry(
              "ManagedClustersGet.json",
              ExampleSetup.of(
                      r ->
                          clusterFrom(
                              r,
                              "2026-08-01",
                              // The example's settable fields, so that the GET has them to show.
                              "{\"location\":\"eastus\",\"tags\":{\"archv2\":\"\",\"tier\":\"production\"},"
                                  + "\"identity\":{\"type\":\"SystemAssigned\"},"
                                  + "\"properties\":{\"dnsPrefix\":\"dnsprefix1\",\"enableRBAC\":false,"
                                  + "\"diskEncryptionSetID\":\""
                                  + r.in(
                                      "rg1", "/providers/Microsoft.Compute/diskEncryptionSets/des")
                                  + "\",\"linuxProfile\":{\"adminUsername\":\"azureuser\","
                                  + "\"ssh\":{\"publicKeys\":[{\"keyData\":\"keydata\"}]}},"
                                  + "\"servicePrincipalProfile\":{\"clientId\":\"clientid\"},"
                                  + "\"upgradeSettings\":{\"overrideSettings\":{\"forceUpgrade\":true,"
                                  + "\"until\":\"2022-11-01T13:00:00Z\"}},"
                                  + "\"networkProfile\":{\"networkPlugin\":\"kubenet\","
                                  + "\"outboundType\":\"loadBalancer\",\"loadBalancerSku\":\"standard\","
                                  + "\"podCidr\":\"10.244.0.0/16\",\"serviceCidr\":\"10.0.0.0/16\","
                                  + "\"dnsServiceIP\":\"10.0.0.10\",\"loadBalancerProfile\":{"
                                  + "\"allocatedOutboundPorts\":2000,\"idleTimeoutInMinutes\":10,"
                                  + "\"outboundIPs\":{\"publicIPs\":[{\"id\":\""
                                  + r.in("rg1", NET + "/publicIPAddresses/customeroutboundip1")
                                  + "\"},{\"id\":\""
                                  + r.in("rg1", NET + "/publicIPAddresses/customeroutboundip2")
                                  + "\"}]}}},"
                                  + "\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":3,"
                                  + "\"vmSize\":\"Standard_DS1_v2\",\"mode\":\"System\","
                                  + "\"osType\":\"Linux\",\"maxPods\":110,"
                                  + "\"availabilityZones\":[\"1\",\"2\",\"3\"],"
                                  + "\"upgradeSettings\":{\"maxSurge\":\"33%\"}}]}}"))
                  .generated(merge(List.of(AKS_VERSIONS, AKS_ASSIGNED)))),
          Map.entry(
              "AgentPoolsGet.json",
              ExampleSetup.of(r -> cluster(r, "2026-08-01", "agentpool1"))
                  .generated(
                      Map.of(
                          "properties.orchestratorVersion", "a supported version today",
                          "properties.currentOrchestratorVersion", "same",
                          "properties.nodeImageVersion", "node image of today"))),
          Map.entry(
              "ManagedClustersDelete.json",
              ExampleSetup.of(r -> cluster(r, "2026-08-01", "nodepool1"))),
          Map.entry(
              "AgentPoolsUpgradeNodeImageVersion.json",
              ExampleSetup.of(r -> cluster(r, "2026-03-01", "agentpool1"))
                  .generated(
                      Map.of(
                          "properties.orchestratorVersion", "a supported version today",
                          "properties.currentOrchestratorVersion", "same",
                          "properties.nodeImageVersion", "node image of today"))),
          Map.entry(
              "OperationStatusResultGet.json",
              ExampleSetup.of(
                      r -> {
                        String op = cluster(r, "2026-04-02-preview", "nodepool1");
                        r.substitute("00000000-0000-0000-0000-000000000001", op);
                      })
                  .generated(
                      Map.of(
                          "percentComplete",
                          "progress at the moment the example was captured; the replayed"
                              + " operation has finished"))));

  /** An identity whose principal stands in for the example's user; returns its principal id. */
  private static String assignable(Replay r, String group) {
    String principal = r.identity(group, "ra-principal");
    r.substitute(EXAMPLE_ROLE, ACR_PULL);
    r.substitute(EXAMPLE_PRINCIPAL, principal);
    return principal;
  }

  private static void vnet(Replay r, String group, String name, String prefix) {
    r.put(
        r.in(group, NET + "/virtualNetworks/" + name),
        "2026-01-01",
        "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\""
            + prefix
            + "\"]}}}");
  }

  private static void zone(Replay r, String group, String name, String tags) {
    r.put(
        r.in(group, NET + "/privateDnsZones/" + name),
        "2024-06-01",
        "{\"location\":\"global\",\"tags\":" + tags + "}");
  }

  /** The example's private endpoint targets a private link service in rg1's myVnet/mySubnet. */
  private static void peTarget(Replay r) {
    r.group("rg1", "eastus");
    vnet(r, "rg1", "myVnet", "192.168.0.0/16");
    r.put(
        r.in("rg1", NET + "/virtualNetworks/myVnet/subnets/mySubnet"),
        "2026-01-01",
        "{\"properties\":{\"addressPrefix\":\"192.168.0.0/24\"}}");
    r.put(
        r.in("rg1", NET + "/privateLinkServices/testPls"),
        "2026-01-01",
        "{\"location\":\"eastus\",\"properties\":{}}");
  }

  private static void registryWithCredentials(Replay r) {
    r.group("myResourceGroup", "westus");
    r.put(
        r.in("myResourceGroup", ACR + "myRegistry"),
        "2025-11-01",
        "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard\"}}");
    r.put(
        r.in("myResourceGroup", ACR + "myRegistry/credentialSets/myCredentialSet"),
        "2025-11-01",
        "{\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"loginServer\":\"docker.io\","
            + "\"authCredentials\":[{\"name\":\"Credential1\","
            + "\"usernameSecretIdentifier\":\"https://myvault.vault.azure.net/secrets/username\","
            + "\"passwordSecretIdentifier\":\"https://myvault.vault.azure.net/secrets/password\"}]}}");
  }

  private static void aksGroup(Replay r) {
    r.group("rg1", "eastus");
    r.substitute("location1", "eastus");
  }

  /**
   * A cluster like the examples' (rg1/clustername1) with one system pool; returns the id of the
   * operation that created it.
   */
  private static String cluster(Replay r, String apiVersion, String pool) {
    return clusterFrom(
        r,
        apiVersion,
        "{\"location\":\"eastus\",\"tags\":{\"archv2\":\"\",\"tier\":\"production\"},"
            + "\"identity\":{\"type\":\"SystemAssigned\"},"
            + "\"properties\":{\"dnsPrefix\":\"dnsprefix1\",\"agentPoolProfiles\":[{\"name\":\""
            + pool
            + "\",\"count\":3,\"vmSize\":\"Standard_DS1_v2\",\"mode\":\"System\","
            + "\"osType\":\"Linux\",\"maxPods\":110,\"upgradeSettings\":{\"maxSurge\":\"33%\"}}]}}");
  }

  /** The cluster rg1/clustername1 as {@code body} describes it; returns its operation's id. */
  private static String clusterFrom(Replay r, String apiVersion, String body) {
    aksGroup(r);
    String path = r.in("rg1", AKS + "clustername1");
    var started = r.moat().arm().put(path, apiVersion, body);
    Replay.skipIfUnserved(path, started);
    started.expectStatus(200, 201);
    r.awaitCompletion(started);
    String url = started.header("Azure-AsyncOperation").orElse("");
    String id = url.replaceAll("\\?.*$", "");
    return id.substring(id.lastIndexOf('/') + 1);
  }
}
