package dev.moat.network.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.fabric.topology.EndpointAddressView;
import dev.moat.platform.contracts.SubnetAddresses;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node and API-server addresses come from the same pool as private endpoints. */
class SubnetAddressesTest {
  @Test
  void ownersShareThePoolWithEndpointsAndShowInTheInventory() {
    try (NetworkFixture f = new NetworkFixture()) {
      f.seedNetwork("sa");
      ResourceId registry = f.registry("sa", "saacr");
      ResourceId subnet = ResourceId.parse(f.subnetId("sa", "aks-subnet"));
      f.putAndWait(
          f.net("sa", "privateEndpoints", "pe"),
          NetworkFixture.endpointBody(subnet.toString(), registry));
      SubnetAddresses addresses = f.network.get().subnetAddresses();
      ResourceId pool =
          ResourceId.parse(
              f.moat.groupPath("sa")
                  + "/providers/Microsoft.ContainerService/managedClusters/c1/agentPools/np1");

      List<String> nodes = addresses.allocate(subnet, pool, 2, List.of("n0.local", "n1.local"));

      assertThat(nodes).containsExactly("192.168.1.6", "192.168.1.7");
      assertThat(addresses.allocate(subnet, pool, 2, List.of("n0.local", "n1.local")))
          .isEqualTo(nodes);
      assertThat(addresses.allocate(subnet, pool, 3, List.of()))
          .containsExactly("192.168.1.6", "192.168.1.7", "192.168.1.8");
      assertThat(addresses.addressesOf(pool)).hasSize(3);
      List<EndpointAddressView> views =
          f.network.get().inventory().endpointAddresses().stream()
              .filter(v -> pool.equals(v.target()))
              .toList();
      assertThat(views).extracting(EndpointAddressView::ipAddress).hasSize(3);
      JsonNode sub = f.moat.arm().get(subnet.toString(), NetworkFixture.V).body();
      assertThat(sub.path("properties").path("ipConfigurations")).hasSize(5);

      addresses.release(pool);

      assertThat(addresses.addressesOf(pool)).isEmpty();
      assertThat(f.network.get().inventory().endpointAddresses())
          .noneMatch(v -> pool.equals(v.target()));
    }
  }

  @Test
  void fqdnsAreOnePerAddressWhenCountsMatch() {
    try (NetworkFixture f = new NetworkFixture()) {
      f.seedNetwork("fq");
      ResourceId subnet = ResourceId.parse(f.subnetId("fq", "aks-subnet"));
      ResourceId api =
          ResourceId.parse(
              f.moat.groupPath("fq") + "/providers/Microsoft.ContainerService/managedClusters/c1");
      SubnetAddresses addresses = f.network.get().subnetAddresses();
      addresses.allocate(subnet, api, 1, List.of("c1-abc.privatelink.eastus.azmk8s.io"));
      assertThat(f.network.get().inventory().endpointAddresses())
          .filteredOn(v -> api.equals(v.target()))
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.ipAddress()).isEqualTo("192.168.1.4");
                assertThat(v.fqdns()).containsExactly("c1-abc.privatelink.eastus.azmk8s.io");
              });
    }
  }

  @Test
  void fullOrMissingSubnetIsRefused() {
    try (NetworkFixture f = new NetworkFixture()) {
      f.seedNetwork("full");
      f.putAndWait(
          f.net("full", "virtualNetworks", "vnet") + "/subnets/tiny",
          "{\"properties\":{\"addressPrefix\":\"192.168.9.0/29\"}}");
      ResourceId tiny =
          ResourceId.parse(f.net("full", "virtualNetworks", "vnet") + "/subnets/tiny");
      ResourceId owner =
          ResourceId.parse(
              f.moat.groupPath("full") + "/providers/Microsoft.ContainerService/managedClusters/c");
      SubnetAddresses addresses = f.network.get().subnetAddresses();

      assertThatThrownBy(() -> addresses.allocate(tiny, owner, 4, List.of()))
          .isInstanceOfSatisfying(
              ArmException.class, e -> assertThat(e.error().code()).isEqualTo("SubnetIsFull"));
      assertThat(addresses.addressesOf(owner)).isEmpty();
      ResourceId missing =
          ResourceId.parse(f.net("full", "virtualNetworks", "vnet") + "/subnets/nope");
      assertThatThrownBy(() -> addresses.allocate(missing, owner, 1, List.of()))
          .isInstanceOfSatisfying(
              ArmException.class, e -> assertThat(e.error().httpStatus()).isEqualTo(404));
    }
  }
}
