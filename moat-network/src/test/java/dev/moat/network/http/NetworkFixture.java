package dev.moat.network.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.network.NetworkProvider;
import dev.moat.platform.id.ResourceId;
import dev.moat.resources.ResourcesProvider;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A control plane with resources + network providers and fakes for registries and DNS. */
final class NetworkFixture implements AutoCloseable {
  static final String V = "2024-05-01";
  final Fakes.Registries registries = new Fakes.Registries();
  final Fakes.Dns dns = new Fakes.Dns();
  final AtomicReference<NetworkProvider> network = new AtomicReference<>();
  final TestMoat moat;

  NetworkFixture() {
    moat =
        TestMoat.start(
            c -> {
              ResourcesProvider resources = new ResourcesProvider(c);
              NetworkProvider provider =
                  new NetworkProvider(c, resources.groups(), registries, dns);
              network.set(provider);
              return ProviderAssembler.Assembly.of(resources, provider);
            });
  }

  String net(String group, String type, String name) {
    return moat.groupPath(group) + "/providers/Microsoft.Network/" + type + "/" + name;
  }

  ResourceId registry(String group, String name) {
    ResourceId id =
        ResourceId.parse(
            moat.groupPath(group) + "/providers/Microsoft.ContainerRegistry/registries/" + name);
    registries.add(id, "eastus");
    return id;
  }

  /** PUTs and waits for the operation; returns the final GET body. */
  JsonNode putAndWait(String path, String json) {
    ArmResult r = moat.arm().put(path, V, json).expectStatus(200, 201);
    JsonNode status = moat.arm().awaitOperation(r);
    if (!status.path("status").asText().equals("Succeeded")) {
      throw new AssertionError("operation failed: " + status);
    }
    return moat.arm().get(path, V).expectStatus(200).body();
  }

  void deleteAndWait(String path) {
    ArmResult r = moat.arm().delete(path, V).expectStatus(202);
    moat.arm().awaitOperation(r);
  }

  /** Step 1 of the seed: a /16 VNet with an AKS subnet and an ACR subnet. */
  void seedNetwork(String group) {
    moat.createGroup(group, "eastus");
    putAndWait(
        net(group, "virtualNetworks", "vnet"),
        "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"192.168.0.0/16\"]}}}");
    putAndWait(
        net(group, "virtualNetworks", "vnet") + "/subnets/aks-subnet",
        "{\"properties\":{\"addressPrefix\":\"192.168.1.0/24\"}}");
    putAndWait(
        net(group, "virtualNetworks", "vnet") + "/subnets/acr-subnet",
        "{\"properties\":{\"addressPrefix\":\"192.168.2.0/24\",\"privateEndpointNetworkPolicies\":\"Disabled\"}}");
  }

  String subnetId(String group, String subnet) {
    return net(group, "virtualNetworks", "vnet") + "/subnets/" + subnet;
  }

  static String endpointBody(String subnetId, ResourceId registry) {
    return "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\""
        + subnetId
        + "\"},\"privateLinkServiceConnections\":[{\"name\":\"myConnection\",\"properties\":{"
        + "\"privateLinkServiceId\":\""
        + registry
        + "\",\"groupIds\":[\"registry\"]}}]}}";
  }

  /**
   * {@code
   * ipConfigurations[?privateLinkConnectionProperties.requiredMemberName==member].privateIPAddress}.
   */
  static List<String> addressesOf(JsonNode nic, String member) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : nic.path("properties").path("ipConfigurations")) {
      JsonNode p = c.path("properties");
      if (p.path("privateLinkConnectionProperties")
          .path("requiredMemberName")
          .asText()
          .equals(member)) {
        out.add(p.path("privateIPAddress").asText());
      }
    }
    return out;
  }

  JsonNode nicOf(JsonNode endpoint) {
    String nicId = endpoint.path("properties").path("networkInterfaces").get(0).path("id").asText();
    return moat.arm().get(nicId, V).expectStatus(200).body();
  }

  @Override
  public void close() {
    moat.close();
  }
}
