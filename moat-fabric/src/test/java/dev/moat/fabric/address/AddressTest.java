package dev.moat.fabric.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.fabric.dns.PublicUpstreams;
import dev.moat.fabric.topology.PublicNameView;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressTest {

  @Test
  void parsesAndFormatsIpv4Strictly() {
    assertThat(Ipv4.parse("192.168.2.4").toString()).isEqualTo("192.168.2.4");
    assertThat(Ipv4.parse("255.255.255.255").bits()).isEqualTo(-1);
    assertThat(Ipv4.tryParse("010.1.1.1")).isEmpty();
    assertThat(Ipv4.tryParse("1.2.3")).isEmpty();
    assertThat(Ipv4.tryParse("1.2.3.256")).isEmpty();
    assertThat(Ipv4.tryParse("fd00::1")).isEmpty();
    assertThatThrownBy(() -> Ipv4.parse("x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void prefixesContainTheirAddressesOnly() {
    Ipv4Prefix vnet = Ipv4Prefix.parse("192.168.0.0/16");

    assertThat(vnet.contains(Ipv4.parse("192.168.2.4"))).isTrue();
    assertThat(vnet.contains(Ipv4.parse("192.169.0.1"))).isFalse();
    assertThat(Ipv4Prefix.parse("0.0.0.0/0").contains(Ipv4.parse("8.8.8.8"))).isTrue();
    assertThat(Ipv4Prefix.tryParse("192.168.0.1/16")).isEmpty();
    assertThat(Ipv4Prefix.tryParse("fd00::/8")).isEmpty();
    assertThat(Ipv4Prefix.isNonInternet(Ipv4.parse("172.31.255.255"))).isTrue();
    assertThat(Ipv4Prefix.isNonInternet(Ipv4.parse("172.32.0.0"))).isFalse();
  }

  @Test
  void pseudoPublicAddressesAreStableAndStayOutOfTheBuiltInTable() {
    Ipv4 a = PseudoPublicAddresses.forName("myacr.azurecr.io");

    assertThat(PseudoPublicAddresses.forName("MyAcr.AzureCR.io.")).isEqualTo(a);
    assertThat(PseudoPublicAddresses.forName("other.azurecr.io")).isNotEqualTo(a);
    for (int i = 0; i < 2000; i++) {
      Ipv4 ip = PseudoPublicAddresses.forName("registry" + i + ".azurecr.io");
      assertThat(PseudoPublicAddresses.BLOCK.contains(ip)).isTrue();
      assertThat(PseudoPublicAddresses.BUILT_IN.contains(ip)).isFalse();
      assertThat(ip.bits() & 0xff).isBetween(1, 254);
    }
  }

  @Test
  void builtInUpstreamsHaveDistinctAddressesInTheReservedBlock() {
    Set<String> seen = new HashSet<>();
    for (PublicNameView v : new PublicUpstreams().publicNames()) {
      String address = v.publicAddresses().get(0);
      assertThat(seen.add(address)).as(v.fqdn()).isTrue();
      assertThat(PseudoPublicAddresses.BUILT_IN.contains(Ipv4.parse(address))).isTrue();
      assertThat(v.publicAccessEnabled()).isTrue();
    }
  }
}
