package dev.moat.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.util.UUID;

/**
 * A whole cloud with the network-isolated BYO layout: a VNet whose node subnet has no default
 * outbound access, a Premium registry with public access disabled reached through a private
 * endpoint and its {@code privatelink.azurecr.io} zone, the {@code aks-managed-mcr} cache rule, and
 * a kubelet identity with AcrPull on the registry.
 */
final class IsolatedAcrFixture implements AutoCloseable {
  static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

  final TestMoat moat;
  final String acr;
  final String rg;
  final String vnet;
  final String registryId;
  final ResourceId kubelet;
  private MoatCloud.Wiring wiring;

  IsolatedAcrFixture(String acr) {
    this.acr = acr;
    this.moat = TestMoat.start(MoatCloud.assembler(w -> wiring = w));
    this.rg = moat.createGroup(acr + "-rg", "eastus");
    this.vnet = rg + "/providers/Microsoft.Network/virtualNetworks/vnet";
    await(
        moat.arm()
            .put(
                vnet,
                "2024-05-01",
                "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"192.168.0.0/16\"]},"
                    + "\"subnets\":[{\"name\":\"aks\",\"properties\":{\"addressPrefix\":\"192.168.1.0/24\",\"defaultOutboundAccess\":false}},"
                    + "{\"name\":\"acr\",\"properties\":{\"addressPrefix\":\"192.168.2.0/24\",\"privateEndpointNetworkPolicies\":\"Disabled\"}}]}}"));
    String registry = registryPath();
    this.registryId =
        await(
                moat.arm()
                    .put(
                        registry,
                        "2025-11-01",
                        "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"},\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"))
            .path("id")
            .asText();
    await(
        moat.arm()
            .put(
                registry + "/cacheRules/aks-managed-mcr",
                "2025-11-01",
                "{\"properties\":{\"sourceRepository\":\"mcr.microsoft.com/*\",\"targetRepository\":\"aks-managed-repository/*\"}}"));
    String pe = rg + "/providers/Microsoft.Network/privateEndpoints/acr-pe";
    await(
        moat.arm()
            .put(
                pe,
                "2024-05-01",
                "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\""
                    + vnet
                    + "/subnets/acr\"},"
                    + "\"privateLinkServiceConnections\":[{\"name\":\"c\",\"properties\":{\"privateLinkServiceId\":\""
                    + registryId
                    + "\",\"groupIds\":[\"registry\"]}}]}}"));
    String zone = zonePath();
    await(moat.arm().put(zone, "2024-06-01", "{\"location\":\"global\"}"));
    await(
        moat.arm()
            .put(
                zone + "/virtualNetworkLinks/link",
                "2024-06-01",
                "{\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\""
                    + vnet
                    + "\"},\"registrationEnabled\":false}}"));
    await(
        moat.arm()
            .put(
                pe + "/privateDnsZoneGroups/default",
                "2024-05-01",
                "{\"properties\":{\"privateDnsZoneConfigs\":[{\"name\":\"acr\",\"properties\":{\"privateDnsZoneId\":\""
                    + zone
                    + "\"}}]}}"));
    this.kubelet = identity("kubelet");
    assign(principalOf(kubelet), ACR_PULL);
  }

  MoatCloud.Wiring wiring() {
    return wiring;
  }

  String loginServer() {
    return acr + ".azurecr.io";
  }

  String registryPath() {
    return rg + "/providers/Microsoft.ContainerRegistry/registries/" + acr;
  }

  String zonePath() {
    return rg + "/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io";
  }

  /** A new user-assigned identity (no roles). */
  ResourceId identity(String name) {
    ResourceId id =
        ResourceId.parse(
            rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name);
    moat.arm().put(id.toString(), "2023-01-31", "{\"location\":\"eastus\"}").expectStatus(201);
    return id;
  }

  String principalOf(ResourceId identity) {
    return moat.arm()
        .get(identity.toString(), "2023-01-31")
        .expectStatus(200)
        .body()
        .path("properties")
        .path("principalId")
        .asText();
  }

  void assign(String principal, String role) {
    moat.arm()
        .put(
            registryId + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID(),
            "2022-04-01",
            "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/"
                + moat.subscriptionId()
                + "/providers/Microsoft.Authorization/roleDefinitions/"
                + role
                + "\",\"principalId\":\""
                + principal
                + "\",\"principalType\":\"ServicePrincipal\"}}")
        .expectStatus(201);
  }

  /** A node in the isolated subnet: no egress, MCR through the private cache. */
  NodeSpec isolatedNode(String name, String ip, ResourceId identity) {
    return node(name, ip, identity, "none");
  }

  /** A node in the same subnet whose cluster has a load balancer: egress to the internet. */
  NodeSpec egressNode(String name, String ip, ResourceId identity) {
    return node(name, ip, identity, "loadBalancer");
  }

  private NodeSpec node(String name, String ip, ResourceId identity, String outbound) {
    return new NodeSpec(
        name,
        ResourceId.parse(rg + "/providers/Microsoft.ContainerService/managedClusters/c1"),
        ResourceId.parse(
            rg + "/providers/Microsoft.ContainerService/managedClusters/c1/agentPools/nodepool1"),
        ResourceId.parse(vnet + "/subnets/aks"),
        ip,
        identity,
        "1.30.3",
        "AKSUbuntu-2204gen2containerd-202511.10.0",
        ArtifactSource.Cache,
        loginServer(),
        outbound);
  }

  JsonNode await(ArmResult r) {
    return moat.arm().awaitSucceeded(r);
  }

  @Override
  public void close() {
    moat.close();
  }
}
