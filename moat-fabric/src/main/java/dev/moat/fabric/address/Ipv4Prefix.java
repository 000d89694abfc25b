package dev.moat.fabric.address;

import java.util.List;
import java.util.Optional;

/** An IPv4 CIDR block such as {@code 192.168.0.0/16}. */
public record Ipv4Prefix(Ipv4 network, int length) {

  /**
   * The address ranges that never route over the internet: RFC 1918 private space, RFC 6598 shared
   * (CGNAT) space and RFC 3927 link-local space. A destination in one of them is "private" even
   * when no virtual network claims it.
   */
  public static final List<Ipv4Prefix> NON_INTERNET =
      List.of(
          parse("10.0.0.0/8"),
          parse("172.16.0.0/12"),
          parse("192.168.0.0/16"),
          parse("100.64.0.0/10"),
          parse("169.254.0.0/16"));

  public Ipv4Prefix {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + length);
    }
    if ((network.bits() & ~mask(length)) != 0) {
      throw new IllegalArgumentException("host bits set in " + network + "/" + length);
    }
  }

  /** Parses {@code a.b.c.d/n}, throwing {@link IllegalArgumentException} otherwise. */
  public static Ipv4Prefix parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an IPv4 prefix: " + text));
  }

  /**
   * Parses {@code a.b.c.d/n}, or returns empty for anything else, IPv6 prefixes included (a
   * dual-stack VNet lists both; the fabric only models IPv4).
   */
  public static Optional<Ipv4Prefix> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String len = text.substring(slash + 1).trim();
    if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int length = Integer.parseInt(len);
    Optional<Ipv4> network = Ipv4.tryParse(text.substring(0, slash));
    if (network.isEmpty() || length > 32 || (network.get().bits() & ~mask(length)) != 0) {
      return Optional.empty();
    }
    return Optional.of(new Ipv4Prefix(network.get(), length));
  }

  /** True when {@code address} lies in this block. */
  public boolean contains(Ipv4 address) {
    return (address.bits() & mask(length)) == network.bits();
  }

  /** True when {@code address} lies in one of the RFC 1918 / 6598 / 3927 ranges. */
  public static boolean isNonInternet(Ipv4 address) {
    return NON_INTERNET.stream().anyMatch(p -> p.contains(address));
  }

  private static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  @Override
  public String toString() {
    return network + "/" + length;
  }
}
