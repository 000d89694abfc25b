package dev.moat.network.service;

import dev.moat.network.model.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks private addresses in a subnet the way Azure does: lowest free address first, never one of
 * the five Azure reserves in every prefix (the network address, {@code .1} for the default gateway,
 * {@code .2} and {@code .3} for Azure DNS, and the broadcast address). IPv4 only.
 *
 * <p>Pure and stateless: callers pass the addresses in use, read inside the same database
 * transaction that stores the result, which is what keeps two allocations from colliding.
 */
public final class AddressAllocator {
  private static final int RESERVED_AT_START = 4;

  /** What an address is, seen from a subnet. */
  public enum Verdict {
    FREE,
    NOT_IN_SUBNET,
    RESERVED,
    IN_USE
  }

  /** The {@code count} lowest free addresses, or empty when the subnet has fewer. */
  public Optional<List<String>> allocate(List<Ipv4Cidr> prefixes, Set<String> inUse, int count) {
    List<String> chosen = new ArrayList<>();
    for (Ipv4Cidr prefix : prefixes) {
      for (long a = prefix.network() + RESERVED_AT_START;
          a < prefix.last() && chosen.size() < count;
          a++) {
        String ip = Ipv4Cidr.format(a);
        if (!inUse.contains(ip)) {
          chosen.add(ip);
        }
      }
    }
    return chosen.size() == count ? Optional.of(List.copyOf(chosen)) : Optional.empty();
  }

  /** Whether {@code ip} could be given to a new IP configuration. */
  public Verdict check(List<Ipv4Cidr> prefixes, Set<String> inUse, String ip) {
    Optional<Long> address = Ipv4Cidr.parseAddress(ip);
    Optional<Ipv4Cidr> prefix =
        address.flatMap(a -> prefixes.stream().filter(p -> p.contains(a)).findFirst());
    if (prefix.isEmpty()) {
      return Verdict.NOT_IN_SUBNET;
    }
    if (isReserved(prefix.get(), address.get())) {
      return Verdict.RESERVED;
    }
    return inUse.contains(Ipv4Cidr.format(address.get())) ? Verdict.IN_USE : Verdict.FREE;
  }

  /** Whether {@code ip} lies in one of the prefixes outside the reserved addresses. */
  public boolean usable(List<Ipv4Cidr> prefixes, String ip) {
    Optional<Long> address = Ipv4Cidr.parseAddress(ip);
    return address.isPresent()
        && prefixes.stream()
            .anyMatch(p -> p.contains(address.get()) && !isReserved(p, address.get()));
  }

  private static boolean isReserved(Ipv4Cidr prefix, long address) {
    return address < prefix.network() + RESERVED_AT_START || address == prefix.last();
  }
}
