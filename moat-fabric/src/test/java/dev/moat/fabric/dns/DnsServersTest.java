package dev.moat.fabric.dns;

import static dev.moat.fabric.SeedTopology.DATA_IP;
import static dev.moat.fabric.SeedTopology.OTHER_VNET;
import static dev.moat.fabric.SeedTopology.REGISTRY_IP;
import static dev.moat.fabric.SeedTopology.VNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.fabric.EgressPolicies;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.SeedTopology;
import dev.moat.fabric.address.PseudoPublicAddresses;
import dev.moat.fabric.topology.SubnetView;
import dev.moat.fabric.topology.VirtualNetworkView;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Real DNS queries, over UDP and TCP, to the fabric's servers on loopback. */
class DnsServersTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final SeedTopology topology = new SeedTopology();
  private final NetworkFabric fabric =
      new NetworkFabric(
              topology,
              topology,
              List.of(topology),
              EgressPolicies.none(),
              Clock.fixed(NOW, ZoneOffset.UTC))
          .start();

  @AfterEach
  void close() {
    fabric.close();
  }

  static Message query(InetSocketAddress server, String name, int type, boolean tcp)
      throws IOException {
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTCP(tcp);
    resolver.setTimeout(Duration.ofSeconds(5));
    return resolver.send(
        Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN)));
  }

  private InetSocketAddress vnetServer() {
    return fabric.dnsServer(VNET).orElseThrow();
  }

  @Test
  void vnetViewAnswersCnameChainThenPrivateAddressOverUdpAndTcp() throws IOException {
    for (boolean tcp : new boolean[] {false, true}) {
      Message m = query(vnetServer(), "myacr.azurecr.io", Type.A, tcp);

      assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(m.getHeader().getFlag(Flags.RA)).isTrue();
      List<Record> answer = m.getSection(Section.ANSWER);
      assertThat(answer).hasSize(2);
      CNAMERecord cname = (CNAMERecord) answer.get(0);
      assertThat(cname.getName().toString()).isEqualTo("myacr.azurecr.io.");
      assertThat(cname.getTarget().toString()).isEqualTo("myacr.privatelink.azurecr.io.");
      ARecord a = (ARecord) answer.get(1);
      assertThat(a.getName().toString()).isEqualTo("myacr.privatelink.azurecr.io.");
      assertThat(a.getAddress().getHostAddress()).isEqualTo(REGISTRY_IP);
      assertThat(a.getTTL()).isEqualTo(3600);
    }
  }

  @Test
  void hostViewAnswersThePublicAddress() throws IOException {
    Message m = query(fabric.hostDnsServer(), "MYACR.azurecr.io", Type.A, false);

    List<Record> answer = m.getSection(Section.ANSWER);
    assertThat(answer).hasSize(2);
    assertThat(((ARecord) answer.get(1)).getAddress().getHostAddress())
        .isEqualTo(PseudoPublicAddresses.forName("myacr.azurecr.io").toString());
  }

  @Test
  void unknownNamesAreNxdomainWithAnSoaInAuthority() throws IOException {
    Message m = query(vnetServer(), "nope.privatelink.azurecr.io", Type.A, false);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
    SOARecord soa = (SOARecord) m.getSection(Section.AUTHORITY).get(0);
    assertThat(soa.getName().toString()).isEqualTo("privatelink.azurecr.io.");
    assertThat(soa.getHost().toString()).isEqualTo("azureprivatedns.net.");
    assertThat(soa.getMinimum()).isEqualTo(10);

    Message pub = query(fabric.hostDnsServer(), "nothing.example.org", Type.A, false);
    assertThat(pub.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(pub.getSection(Section.AUTHORITY).get(0).getName().toString())
        .isEqualTo("example.org.");
  }

  @Test
  void otherTypesGetTheCnameChainAndNodata() throws IOException {
    Message m = query(vnetServer(), "myacr.azurecr.io", Type.AAAA, false);

    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);
    assertThat(m.getSection(Section.AUTHORITY)).singleElement().isInstanceOf(SOARecord.class);
  }

  @Test
  void aRemovedRecordChangesTheVeryNextAnswer() throws IOException {
    Message before = query(vnetServer(), "myacr.eastus.data.azurecr.io", Type.A, false);
    assertThat(((ARecord) before.getSection(Section.ANSWER).get(1)).getAddress().getHostAddress())
        .isEqualTo(DATA_IP);

    topology.removeRecord("myacr.eastus.data");
    Message removed = query(vnetServer(), "myacr.eastus.data.azurecr.io", Type.A, false);
    assertThat(removed.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(removed.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);

    topology.linkZoneTo(List.of());
    Message unlinked = query(vnetServer(), "myacr.eastus.data.azurecr.io", Type.A, false);
    assertThat(((ARecord) unlinked.getSection(Section.ANSWER).get(1)).getAddress().getHostAddress())
        .isEqualTo(PseudoPublicAddresses.forName("myacr.eastus.data.azurecr.io").toString());
  }

  @Test
  void everyViewSharesTheSameFewThreads() throws IOException {
    for (int i = 0; i < 30; i++) {
      dev.moat.platform.id.ResourceId id =
          dev.moat.platform.id.ResourceId.parse(
              "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
                  + i);
      topology.vnets.add(
          new dev.moat.fabric.topology.VirtualNetworkView(
              id, "eastus", List.of("10." + i + ".0.0/16"), List.of()));
      InetSocketAddress server = fabric.dnsServer(id).orElseThrow();
      assertThat(query(server, "myacr.azurecr.io", Type.A, i % 2 == 0).getRcode())
          .isEqualTo(Rcode.NOERROR);
    }
    long dnsThreads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("moat-dns-"))
            .count();
    // One selector and the answer workers, for 32 views (host, seed VNet and 30 more).
    assertThat(dnsThreads).isLessThanOrEqualTo(1 + DnsServers.WORKERS);
  }

  @Test
  void serversFollowVirtualNetworksAsTheyComeAndGo() throws IOException {
    assertThat(fabric.dnsServer(OTHER_VNET)).isEmpty();

    topology.withOtherVnet();
    InetSocketAddress other = fabric.dnsServer(OTHER_VNET).orElseThrow();
    assertThat(other.getPort()).isNotIn(vnetServer().getPort(), fabric.hostDnsServer().getPort());
    // The zone is not linked to the new VNet: public answer.
    Message m = query(other, "myacr.azurecr.io", Type.A, false);
    assertThat(((ARecord) m.getSection(Section.ANSWER).get(1)).getAddress().getHostAddress())
        .isEqualTo(PseudoPublicAddresses.forName("myacr.azurecr.io").toString());

    topology.vnets.removeIf(v -> v.id().equals(OTHER_VNET));
    // Before a sync the stale server refuses; after it, the server is gone.
    assertThat(query(other, "myacr.azurecr.io", Type.A, false).getRcode()).isEqualTo(Rcode.REFUSED);
    fabric.refreshDnsServers();
    assertThat(fabric.dnsServer(OTHER_VNET)).isEmpty();
    assertThat(fabric.dnsViews())
        .extracting(DnsViewInfo::virtualNetwork)
        .containsExactly(java.util.Optional.empty(), java.util.Optional.of(VNET));
  }

  @Test
  void readModelListsViewsWithTheirAddressesAndUse() throws IOException {
    query(vnetServer(), "mcr.microsoft.com", Type.A, false);
    query(vnetServer(), "mcr.microsoft.com", Type.A, true);

    List<DnsViewInfo> views = fabric.dnsViews();
    assertThat(views).hasSize(2);
    assertThat(views.get(0).address()).isEqualTo(fabric.hostDnsServer());
    assertThat(views.get(0).queries()).isZero();
    assertThat(views.get(0).lastQueryAt()).isEmpty();
    DnsViewInfo vnet = views.get(1);
    assertThat(vnet.address()).isEqualTo(vnetServer());
    assertThat(vnet.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(vnet.queries()).isEqualTo(2);
    assertThat(vnet.startedAt()).isEqualTo(NOW);
    assertThat(vnet.lastQueryAt()).contains(NOW);
  }

  @Test
  void twoFabricsCoexistAndCloseReleasesTheirPorts() throws IOException {
    SeedTopology second = new SeedTopology();
    second.removeRecord("myacr");
    InetSocketAddress secondVnet;
    try (NetworkFabric other =
        new NetworkFabric(second, second, List.of(second), EgressPolicies.none(), Clock.systemUTC())
            .start()) {
      secondVnet = other.dnsServer(VNET).orElseThrow();
      assertThat(secondVnet).isNotEqualTo(vnetServer());
      assertThat(query(secondVnet, "myacr.azurecr.io", Type.A, false).getRcode())
          .isEqualTo(Rcode.NXDOMAIN);
      assertThat(query(vnetServer(), "myacr.azurecr.io", Type.A, false).getRcode())
          .isEqualTo(Rcode.NOERROR);
    }
    try (DatagramSocket rebind = new DatagramSocket(secondVnet)) {
      assertThat(rebind.getLocalPort()).isEqualTo(secondVnet.getPort());
    }
  }

  @Test
  void dnsNeedsAStartedFabric() {
    NetworkFabric idle =
        new NetworkFabric(
            topology, topology, List.of(topology), EgressPolicies.none(), Clock.systemUTC());

    assertThatThrownBy(() -> idle.dnsServer(VNET)).isInstanceOf(IllegalStateException.class);
    idle.close();
    assertThatThrownBy(idle::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void subnetsOfTheVnetAreIrrelevantToItsView() throws IOException {
    topology.vnets.set(
        0,
        new VirtualNetworkView(
            VNET,
            "eastus",
            List.of("192.168.0.0/16"),
            List.of(new SubnetView(SeedTopology.AKS_SUBNET, List.of("192.168.1.0/24"), false))));

    Message m = query(vnetServer(), "myacr.azurecr.io", Type.A, false);
    assertThat(((ARecord) m.getSection(Section.ANSWER).get(1)).getAddress().getHostAddress())
        .isEqualTo(REGISTRY_IP);
  }
}
