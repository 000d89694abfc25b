package dev.moat.network.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.network.model.Ipv4Cidr;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressAllocatorTest {
  private final AddressAllocator allocator = new AddressAllocator();
  private final List<Ipv4Cidr> slash24 = List.of(Ipv4Cidr.parse("192.168.2.0/24").orElseThrow());

  @Test
  void firstAddressesAfterAzuresFourReservedOnes() {
    assertThat(allocator.allocate(slash24, Set.of(), 2))
        .contains(List.of("192.168.2.4", "192.168.2.5"));
  }

  @Test
  void skipsAddressesInUseAndReusesFreedOnes() {
    assertThat(allocator.allocate(slash24, Set.of("192.168.2.4", "192.168.2.6"), 2))
        .contains(List.of("192.168.2.5", "192.168.2.7"));
  }

  @Test
  void neverGivesTheBroadcastAddressAndReportsAFullSubnet() {
    List<Ipv4Cidr> slash29 = List.of(Ipv4Cidr.parse("10.0.0.8/29").orElseThrow());
    assertThat(allocator.allocate(slash29, Set.of(), 3))
        .contains(List.of("10.0.0.12", "10.0.0.13", "10.0.0.14"));
    assertThat(allocator.allocate(slash29, Set.of(), 4)).isEmpty();
  }

  @Test
  void continuesIntoTheNextPrefix() {
    List<Ipv4Cidr> two =
        List.of(
            Ipv4Cidr.parse("10.0.0.0/29").orElseThrow(),
            Ipv4Cidr.parse("10.0.1.0/29").orElseThrow());
    assertThat(allocator.allocate(two, Set.of(), 4))
        .contains(List.of("10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.1.4"));
  }

  @Test
  void classifiesRequestedStaticAddresses() {
    Set<String> used = Set.of("192.168.2.4");
    assertThat(allocator.check(slash24, used, "192.168.2.10"))
        .isEqualTo(AddressAllocator.Verdict.FREE);
    assertThat(allocator.check(slash24, used, "192.168.2.4"))
        .isEqualTo(AddressAllocator.Verdict.IN_USE);
    assertThat(allocator.check(slash24, used, "192.168.2.1"))
        .isEqualTo(AddressAllocator.Verdict.RESERVED);
    assertThat(allocator.check(slash24, used, "192.168.2.255"))
        .isEqualTo(AddressAllocator.Verdict.RESERVED);
    assertThat(allocator.check(slash24, used, "192.168.3.4"))
        .isEqualTo(AddressAllocator.Verdict.NOT_IN_SUBNET);
    assertThat(allocator.check(slash24, used, "not-an-ip"))
        .isEqualTo(AddressAllocator.Verdict.NOT_IN_SUBNET);
  }

  @Test
  void cidrParsingAndAlignment() {
    assertThat(Ipv4Cidr.parse("10.0.0.0/33")).isEmpty();
    assertThat(Ipv4Cidr.parse("10.0.0/24")).isEmpty();
    assertThat(Ipv4Cidr.parse("256.0.0.0/8")).isEmpty();
    Ipv4Cidr misaligned = Ipv4Cidr.parse("10.10.10.0/16").orElseThrow();
    assertThat(misaligned.isAligned()).isFalse();
    assertThat(misaligned.aligned()).hasToString("10.10.0.0/16");
    assertThat(
            Ipv4Cidr.parse("10.0.0.0/16")
                .orElseThrow()
                .overlaps(Ipv4Cidr.parse("10.0.255.0/24").orElseThrow()))
        .isTrue();
  }
}
