package dev.moat.fabric;

import static dev.moat.fabric.SeedTopology.ACR_SUBNET;
import static dev.moat.fabric.SeedTopology.AKS_SUBNET;
import static dev.moat.fabric.SeedTopology.DATA_IP;
import static dev.moat.fabric.SeedTopology.OTHER_SUBNET;
import static dev.moat.fabric.SeedTopology.REGISTRY;
import static dev.moat.fabric.SeedTopology.REGISTRY_IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.fabric.address.PseudoPublicAddresses;
import dev.moat.fabric.dns.RecordType;
import dev.moat.fabric.reach.Denial;
import dev.moat.fabric.reach.Reachability;
import dev.moat.fabric.topology.SubnetView;
import dev.moat.fabric.topology.VirtualNetworkView;
import dev.moat.platform.id.ResourceId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ReachabilityTest {
  private static final Source NODE = Source.subnet(AKS_SUBNET);

  private final SeedTopology topology = new SeedTopology().withOtherVnet();
  private final Map<ResourceId, Egress> overrides = new ConcurrentHashMap<>();
  private final EgressPolicies clusterEgress =
      new EgressPolicies() {
        @Override
        public Optional<Egress> forSubnet(ResourceId subnet) {
          return Optional.ofNullable(overrides.get(subnet));
        }

        @Override
        public Optional<String> reason(ResourceId subnet) {
          return Optional.of("outbound type none");
        }
      };
  private final NetworkFabric fabric =
      new NetworkFabric(topology, topology, List.of(topology), clusterEgress, Clock.systemUTC());

  private String mcr() {
    return fabric.resolve(NODE, "mcr.microsoft.com", RecordType.A).addresses().get(0);
  }

  private String registryPublic() {
    return fabric.resolve(Source.host(), "myacr.azurecr.io", RecordType.A).addresses().get(0);
  }

  @Test
  void withEgressNoneThePrivateEndpointIsReachableAndMcrIsNot() {
    overrides.put(AKS_SUBNET, Egress.NONE);

    Reachability registry = fabric.check(NODE, REGISTRY_IP, 443);
    Reachability data = fabric.check(NODE, DATA_IP, 443);
    Reachability mcr = fabric.check(NODE, mcr(), 443);

    assertThat(registry.isAllowed()).isTrue();
    assertThat(registry.destination()).contains(REGISTRY);
    assertThat(data.isAllowed()).isTrue();
    assertThat(mcr.denial()).contains(Denial.OUTBOUND_BLOCKED);
    assertThat(mcr.detail())
        .isEqualTo("no egress to the internet from subnet aks-subnet (outbound type none)");
  }

  @Test
  void withEgressInternetMcrIsReachableButTheRegistryRefusesPublicTraffic() {
    overrides.put(AKS_SUBNET, Egress.INTERNET);

    Reachability mcr = fabric.check(NODE, mcr(), 443);
    Reachability registry = fabric.check(NODE, registryPublic(), 443);

    assertThat(mcr.isAllowed()).isTrue();
    assertThat(registry.denial()).contains(Denial.PUBLIC_ACCESS_DISABLED);
    assertThat(registry.destination()).contains(REGISTRY);
    assertThat(registry.detail())
        .isEqualTo(
            "registry myacr (myacr.azurecr.io) does not accept traffic from public networks");
  }

  @Test
  void withoutOverrideTheSubnetsDefaultOutboundAccessDecides() {
    assertThat(fabric.check(NODE, mcr(), 443).isAllowed()).isTrue();

    topology.vnets.set(
        0,
        new VirtualNetworkView(
            SeedTopology.VNET,
            "eastus",
            List.of("192.168.0.0/16"),
            List.of(new SubnetView(AKS_SUBNET, List.of("192.168.1.0/24"), false))));

    Reachability blocked = fabric.check(NODE, mcr(), 443);
    assertThat(blocked.denial()).contains(Denial.OUTBOUND_BLOCKED);
  }

  @Test
  void theHostHasEgressButNoRouteIntoVirtualNetworks() {
    assertThat(fabric.check(Source.host(), REGISTRY_IP, 443).denial())
        .contains(Denial.NO_ROUTE_TO_PRIVATE_ADDRESS);
    assertThat(fabric.check(Source.host(), mcr(), 443).isAllowed()).isTrue();
    assertThat(fabric.check(Source.host(), registryPublic(), 443).denial())
        .contains(Denial.PUBLIC_ACCESS_DISABLED);
  }

  @Test
  void otherVirtualNetworksAndFreeAddressesAreNotReachable() {
    Source other = Source.subnet(OTHER_SUBNET);

    assertThat(fabric.check(other, REGISTRY_IP, 443).denial())
        .contains(Denial.NO_ROUTE_TO_PRIVATE_ADDRESS);
    assertThat(fabric.check(NODE, "192.168.2.77", 443).denial())
        .contains(Denial.NO_ENDPOINT_AT_ADDRESS);
    assertThat(fabric.check(Source.subnet(ACR_SUBNET), REGISTRY_IP, 443).isAllowed()).isTrue();
  }

  @Test
  void platformAddressesAreReachableFromSubnetsWhateverTheEgress() {
    overrides.put(AKS_SUBNET, Egress.NONE);

    assertThat(fabric.check(NODE, "169.254.169.254", 80).isAllowed()).isTrue();
    assertThat(fabric.check(NODE, "168.63.129.16", 53).isAllowed()).isTrue();
    assertThat(fabric.check(Source.host(), "169.254.169.254", 80).isAllowed()).isFalse();
  }

  @Test
  void unknownPublicAddressesAndUnknownSubnetsAreRefused() {
    overrides.put(AKS_SUBNET, Egress.INTERNET);

    assertThat(fabric.check(NODE, "8.8.8.8", 53).denial()).contains(Denial.UNKNOWN_PUBLIC_ADDRESS);
    assertThat(
            fabric
                .check(Source.subnet(SeedTopology.VNET.child("subnets", "gone")), "8.8.8.8", 53)
                .denial())
        .contains(Denial.SOURCE_NOT_FOUND);
  }

  @Test
  void aPublicAddressServedByNoNameIsUnknownEvenInsideThePseudoPublicBlock() {
    String unused = PseudoPublicAddresses.forName("not-served.example").toString();

    assertThat(fabric.check(Source.host(), unused, 443).denial())
        .contains(Denial.UNKNOWN_PUBLIC_ADDRESS);
  }

  @Test
  void rejectsMalformedInput() {
    assertThatThrownBy(() -> fabric.check(NODE, "::1", 443))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fabric.check(NODE, REGISTRY_IP, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
