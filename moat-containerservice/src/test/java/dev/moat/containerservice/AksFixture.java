package dev.moat.containerservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.authorization.AuthorizationProvider;
import dev.moat.containerregistry.ContainerRegistryProvider;
import dev.moat.managedidentity.ManagedIdentityProvider;
import dev.moat.network.NetworkProvider;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.privatedns.PrivateDnsProvider;
import dev.moat.resources.ResourcesProvider;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.util.concurrent.atomic.AtomicReference;

/** A control plane with every provider the seed touches, and a recording node bootstrapper. */
final class AksFixture implements AutoCloseable {
  static final String AKS = "2025-10-01";
  static final String NET = "2024-05-01";
  final RecordingNodes nodes = new RecordingNodes();
  final AtomicReference<ContainerServiceProvider> aks = new AtomicReference<>();
  final AtomicReference<NetworkProvider> network = new AtomicReference<>();
  final TestMoat moat;

  AksFixture() {
    this(false);
  }

  AksFixture(boolean twoPhase) {
    moat =
        TestMoat.start(
            c -> {
              ResourcesProvider resources = new ResourcesProvider(c);
              ManagedIdentityProvider identities =
                  new ManagedIdentityProvider(c, resources.groups());
              AuthorizationProvider authorization =
                  new AuthorizationProvider(
                      c, resources.groups(), identities.principals().or(c.principals()::exists));
              PrivateDnsProvider dns = new PrivateDnsProvider(c, resources.groups());
              PrivateEndpointConnections connections =
                  target -> network.get().connections().connectionsTo(target);
              ContainerRegistryProvider registries =
                  new ContainerRegistryProvider(c, resources.groups(), connections);
              NetworkProvider net =
                  new NetworkProvider(
                      c, resources.groups(), registries.privateLinkTargets(), dns.records());
              network.set(net);
              ContainerServiceProvider provider =
                  new ContainerServiceProvider(
                      c,
                      resources.groups(),
                      identities.identities(),
                      authorization.authorizer(),
                      net.subnetAddresses(),
                      nodes,
                      twoPhase);
              aks.set(provider);
              return ProviderAssembler.Assembly.of(
                  resources, identities, authorization, dns, registries, net, provider);
            });
  }

  String path(String group, String ns, String type, String name) {
    return moat.groupPath(group) + "/providers/" + ns + "/" + type + "/" + name;
  }

  String cluster(String group, String name) {
    return path(group, "Microsoft.ContainerService", "managedClusters", name);
  }

  JsonNode putAndWait(String path, String api, String json) {
    ArmResult r = moat.arm().put(path, api, json).expectStatus(200, 201);
    JsonNode status = moat.arm().awaitOperation(r);
    if (!status.path("status").asText().equals("Succeeded")) {
      throw new AssertionError("operation failed: " + status);
    }
    return moat.arm().get(path, api).expectStatus(200).body();
  }

  /** PUTs a cluster and returns the final operation status. */
  JsonNode putCluster(String path, String json) {
    ArmResult r = moat.arm().put(path, AKS, json).expectStatus(200, 201);
    return moat.arm().awaitOperation(r);
  }

  /** Seed steps 1–8 for BYO: VNet, subnets, Premium registry + cache rule, PE, DNS, identities. */
  Byo seedByo(String g) {
    moat.createGroup(g, "eastus");
    String vnet = path(g, "Microsoft.Network", "virtualNetworks", "vnet");
    putAndWait(
        vnet,
        NET,
        "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"192.168.0.0/16\"]}}}");
    putAndWait(
        vnet + "/subnets/aks", NET, "{\"properties\":{\"addressPrefix\":\"192.168.1.0/24\"}}");
    putAndWait(
        vnet + "/subnets/acr",
        NET,
        "{\"properties\":{\"addressPrefix\":\"192.168.2.0/24\",\"privateEndpointNetworkPolicies\":\"Disabled\"}}");
    putAndWait(
        vnet + "/subnets/apiserver",
        NET,
        "{\"properties\":{\"addressPrefix\":\"192.168.3.0/24\",\"delegations\":[{\"name\":\"aks\",\"properties\":{\"serviceName\":\"Microsoft.ContainerService/managedClusters\"}}]}}");
    String acr = path(g, "Microsoft.ContainerRegistry", "registries", g + "acr");
    putAndWait(
        acr,
        "2025-11-01",
        "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"},\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}");
    putAndWait(
        acr + "/cacheRules/aks-managed-mcr",
        "2025-11-01",
        "{\"properties\":{\"sourceRepository\":\"mcr.microsoft.com/*\",\"targetRepository\":\"aks-managed-repository/*\"}}");
    putAndWait(
        path(g, "Microsoft.Network", "privateEndpoints", "pe"),
        NET,
        "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\""
            + vnet
            + "/subnets/acr\"},"
            + "\"privateLinkServiceConnections\":[{\"name\":\"c\",\"properties\":{\"privateLinkServiceId\":\""
            + acr
            + "\",\"groupIds\":[\"registry\"]}}]}}");
    JsonNode cp = identity(g, "cp-identity");
    JsonNode kubelet = identity(g, "kubelet");
    return new Byo(
        vnet,
        vnet + "/subnets/aks",
        vnet + "/subnets/apiserver",
        acr,
        cp.path("id").asText(),
        cp.path("properties").path("principalId").asText(),
        kubelet.path("id").asText());
  }

  /** Identities are created synchronously (201, no polling). */
  JsonNode identity(String g, String name) {
    return moat.arm()
        .put(
            path(g, "Microsoft.ManagedIdentity", "userAssignedIdentities", name),
            "2023-01-31",
            "{\"location\":\"eastus\"}")
        .expectStatus(200, 201)
        .body();
  }

  /** Grants a built-in role to a principal at a scope. */
  void grant(String scope, String roleGuid, String principalId) {
    moat.arm()
        .put(
            scope
                + "/providers/Microsoft.Authorization/roleAssignments/"
                + java.util.UUID.randomUUID(),
            "2022-04-01",
            "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/"
                + moat.subscriptionId()
                + "/providers/Microsoft.Authorization/roleDefinitions/"
                + roleGuid
                + "\",\"principalId\":\""
                + principalId
                + "\",\"principalType\":\"ServicePrincipal\"}}")
        .expectStatus(201);
  }

  /** What the seed prepares for a BYO cluster. */
  record Byo(
      String vnet,
      String aksSubnet,
      String apiSubnet,
      String registry,
      String controlPlane,
      String controlPlanePrincipal,
      String kubelet) {}

  static String byoCluster(Byo b, String extraApiServer) {
    return "{\"location\":\"eastus\",\"identity\":{\"type\":\"UserAssigned\",\"userAssignedIdentities\":{\""
        + b.controlPlane()
        + "\":{}}},\"properties\":{\"kubernetesVersion\":\"1.30.3\",\"dnsPrefix\":\"aks1\","
        + "\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":2,\"mode\":\"System\",\"vmSize\":\"Standard_DS2_v2\",\"vnetSubnetID\":\""
        + b.aksSubnet()
        + "\"}],\"identityProfile\":{\"kubeletidentity\":{\"resourceId\":\""
        + b.kubelet()
        + "\"}},"
        + "\"bootstrapProfile\":{\"artifactSource\":\"Cache\",\"containerRegistryId\":\""
        + b.registry()
        + "\"},"
        + "\"networkProfile\":{\"networkPlugin\":\"azure\",\"outboundType\":\"none\"},"
        + "\"apiServerAccessProfile\":"
        + extraApiServer
        + "}}";
  }

  @Override
  public void close() {
    moat.close();
    aks.get().close();
  }
}
