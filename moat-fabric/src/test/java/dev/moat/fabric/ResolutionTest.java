package dev.moat.fabric;

import static dev.moat.fabric.SeedTopology.AKS_SUBNET;
import static dev.moat.fabric.SeedTopology.DATA_IP;
import static dev.moat.fabric.SeedTopology.OTHER_SUBNET;
import static dev.moat.fabric.SeedTopology.REGISTRY_IP;
import static dev.moat.fabric.SeedTopology.VNET;
import static dev.moat.fabric.SeedTopology.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.fabric.address.PseudoPublicAddresses;
import dev.moat.fabric.dns.RecordType;
import dev.moat.fabric.dns.Resolution;
import dev.moat.fabric.dns.Resolution.Cname;
import dev.moat.fabric.dns.Resolution.Status;
import dev.moat.fabric.topology.PrivateZoneView;
import dev.moat.fabric.topology.PrivateZoneView.ARecordView;
import dev.moat.fabric.topology.ZoneLinkPolicies;
import dev.moat.fabric.topology.ZoneLinkPolicies.ResolutionPolicy;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolutionTest {
  private static final Source NODE = Source.subnet(AKS_SUBNET);
  private static final String REGISTRY_PUBLIC =
      PseudoPublicAddresses.forName("myacr.azurecr.io").toString();
  private static final String DATA_PUBLIC =
      PseudoPublicAddresses.forName("myacr.eastus.data.azurecr.io").toString();

  private final SeedTopology topology = new SeedTopology().withOtherVnet();
  private final NetworkFabric fabric = fabric(ZoneLinkPolicies.allDefault());

  private NetworkFabric fabric(ZoneLinkPolicies policies) {
    return new NetworkFabric(
        topology,
        topology,
        policies,
        List.of(topology),
        EgressPolicies.none(),
        Clock.systemUTC(),
        FabricOptions.defaults());
  }

  @Test
  void vnetViewAnswersRegistryWithPrivateAddressThroughPrivateLinkCname() {
    Resolution r = fabric.resolve(NODE, "myacr.azurecr.io", RecordType.A);

    assertThat(r.status()).isEqualTo(Status.NOERROR);
    assertThat(r.cnames())
        .containsExactly(new Cname("myacr.azurecr.io", "myacr.privatelink.azurecr.io", 60));
    assertThat(r.addresses()).containsExactly(REGISTRY_IP);
    assertThat(r.ttl()).isEqualTo(3600);
    assertThat(r.privateZone()).contains(ZONE);
    assertThat(r.canonicalName()).isEqualTo("myacr.privatelink.azurecr.io");
  }

  @Test
  void vnetViewAnswersDataEndpointPrivately() {
    Resolution r = fabric.resolve(NODE, "MyAcr.EastUS.Data.AzureCR.io.", RecordType.A);

    assertThat(r.name()).isEqualTo("myacr.eastus.data.azurecr.io");
    assertThat(r.cnames())
        .extracting(Cname::target)
        .containsExactly("myacr.eastus.data.privatelink.azurecr.io");
    assertThat(r.addresses()).containsExactly(DATA_IP);
  }

  @Test
  void hostViewAnswersPseudoPublicAddressesThroughTheSameCname() {
    Resolution r = fabric.resolve(Source.host(), "myacr.azurecr.io", RecordType.A);

    assertThat(r.status()).isEqualTo(Status.NOERROR);
    assertThat(r.cnames())
        .extracting(Cname::target)
        .containsExactly("myacr.privatelink.azurecr.io");
    assertThat(r.addresses()).containsExactly(REGISTRY_PUBLIC);
    assertThat(r.isPrivate()).isFalse();
    assertThat(
            PseudoPublicAddresses.BLOCK.contains(
                dev.moat.fabric.address.Ipv4.parse(REGISTRY_PUBLIC)))
        .isTrue();
  }

  @Test
  void hostNeverSeesPrivateZonesEvenWhenAskingThePrivateLinkNameDirectly() {
    Resolution r = fabric.resolve(Source.host(), "myacr.privatelink.azurecr.io", RecordType.A);

    assertThat(r.addresses()).containsExactly(REGISTRY_PUBLIC);
    assertThat(r.cnames()).isEmpty();
  }

  @Test
  void removedDataRecordIsNxdomainInTheLinkedZoneByDefault() {
    assertThat(fabric.resolve(NODE, "myacr.eastus.data.azurecr.io", RecordType.A).addresses())
        .containsExactly(DATA_IP);

    topology.removeRecord("myacr.eastus.data");

    Resolution r = fabric.resolve(NODE, "myacr.eastus.data.azurecr.io", RecordType.A);
    // Azure private zones are authoritative: the CNAME is followed into the zone, which says
    // NXDOMAIN (what TS4 of the AKS troubleshooting guide shows on a node).
    assertThat(r.status()).isEqualTo(Status.NXDOMAIN);
    assertThat(r.cnames()).hasSize(1);
    assertThat(r.addresses()).isEmpty();
    assertThat(r.authority()).isEqualTo("privatelink.azurecr.io");
    assertThat(r.ttl()).isEqualTo(10);
  }

  @Test
  void removedDataRecordResolvesPubliclyWhenTheLinkRedirectsNxdomain() {
    NetworkFabric redirecting =
        fabric(
            (zone, vnet) ->
                zone.equals(ZONE) && vnet.equals(VNET)
                    ? ResolutionPolicy.NX_DOMAIN_REDIRECT
                    : ResolutionPolicy.DEFAULT);
    assertThat(redirecting.resolve(NODE, "myacr.eastus.data.azurecr.io", RecordType.A).addresses())
        .containsExactly(DATA_IP);

    topology.removeRecord("myacr.eastus.data");

    Resolution r = redirecting.resolve(NODE, "myacr.eastus.data.azurecr.io", RecordType.A);
    assertThat(r.status()).isEqualTo(Status.NOERROR);
    assertThat(r.cnames())
        .extracting(Cname::target)
        .containsExactly("myacr.eastus.data.privatelink.azurecr.io");
    assertThat(r.addresses()).containsExactly(DATA_PUBLIC);
    assertThat(r.isPrivate()).isFalse();
    // The registry's own record is still there and still private.
    assertThat(redirecting.resolve(NODE, "myacr.azurecr.io", RecordType.A).addresses())
        .containsExactly(REGISTRY_IP);
  }

  @Test
  void redirectOnlyAppliesToPrivateLinkZones() {
    topology.zones.add(
        new PrivateZoneView(
            SeedTopology.RG.provider("Microsoft.Network", "privateDnsZones", "corp.example"),
            "corp.example",
            List.of(VNET),
            List.of(new ARecordView("db", List.of("192.168.9.9"), 300))));
    NetworkFabric redirecting = fabric((zone, vnet) -> ResolutionPolicy.NX_DOMAIN_REDIRECT);

    assertThat(redirecting.resolve(NODE, "web.corp.example", RecordType.A).status())
        .isEqualTo(Status.NXDOMAIN);
  }

  @Test
  void unlinkedZoneHasNoEffect() {
    Resolution fromOther =
        fabric.resolve(Source.subnet(OTHER_SUBNET), "myacr.azurecr.io", RecordType.A);
    assertThat(fromOther.addresses()).containsExactly(REGISTRY_PUBLIC);

    topology.linkZoneTo(List.of());

    assertThat(fabric.resolve(NODE, "myacr.azurecr.io", RecordType.A).addresses())
        .containsExactly(REGISTRY_PUBLIC);
    assertThat(fabric.resolve(NODE, "myacr.privatelink.azurecr.io", RecordType.A).addresses())
        .containsExactly(REGISTRY_PUBLIC);
  }

  @Test
  void mcrAndItsRegionalDataEndpointsResolvePubliclyEverywhere() {
    for (Source source : List.of(NODE, Source.subnet(OTHER_SUBNET), Source.host())) {
      assertThat(fabric.resolve(source, "mcr.microsoft.com", RecordType.A).addresses())
          .containsExactly("20.255.0.10");
      assertThat(fabric.resolve(source, "eastus.data.mcr.microsoft.com", RecordType.A).addresses())
          .containsExactly("20.255.0.11");
    }
    assertThat(fabric.resolve(NODE, "data.mcr.microsoft.com", RecordType.A).status())
        .isEqualTo(Status.NXDOMAIN);
  }

  @Test
  void unknownNamesAreNxdomainWithThePublicZoneAsAuthority() {
    Resolution r = fabric.resolve(NODE, "nothing.example.com", RecordType.A);

    assertThat(r.status()).isEqualTo(Status.NXDOMAIN);
    assertThat(r.authority()).isEqualTo("example.com");
    assertThat(r.ttl()).isEqualTo(300);
  }

  @Test
  void namesInsideALinkedZoneWithoutRecordsAreNxdomainButParentsOfRecordsExist() {
    Resolution missing = fabric.resolve(NODE, "other.privatelink.azurecr.io", RecordType.A);
    Resolution parent = fabric.resolve(NODE, "eastus.data.privatelink.azurecr.io", RecordType.A);

    assertThat(missing.status()).isEqualTo(Status.NXDOMAIN);
    assertThat(missing.privateZone()).contains(ZONE);
    assertThat(parent.status()).isEqualTo(Status.NOERROR);
    assertThat(parent.isNoData()).isTrue();
  }

  @Test
  void cnameQuestionsReturnOnlyTheFirstCname() {
    Resolution alias = fabric.resolve(NODE, "myacr.azurecr.io", RecordType.CNAME);
    Resolution target = fabric.resolve(NODE, "myacr.privatelink.azurecr.io", RecordType.CNAME);

    assertThat(alias.cnames())
        .extracting(Cname::target)
        .containsExactly("myacr.privatelink.azurecr.io");
    assertThat(alias.addresses()).isEmpty();
    assertThat(target.isNoData()).isTrue();
  }

  @Test
  void cnameLoopsEndInServfail() {
    topology.names.add(
        new dev.moat.fabric.topology.PublicNameView(
            "a.loop.example", null, "b.loop.example", List.of(), true));
    topology.names.add(
        new dev.moat.fabric.topology.PublicNameView(
            "b.loop.example", null, "a.loop.example", List.of(), true));

    assertThat(fabric.resolve(Source.host(), "a.loop.example", RecordType.A).status())
        .isEqualTo(Status.SERVFAIL);
  }

  @Test
  void rejectsNamesThatAreNotDomainNames() {
    assertThatThrownBy(() -> fabric.resolve(NODE, "a..b", RecordType.A))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Source.subnet(VNET)).isInstanceOf(IllegalArgumentException.class);
  }
}
