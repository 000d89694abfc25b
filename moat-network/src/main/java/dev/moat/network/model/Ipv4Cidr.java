package dev.moat.network.model;

import java.util.Optional;

/**
 * An IPv4 prefix in CIDR notation. Moat's address management is IPv4 only; IPv6 prefixes are
 * rejected as malformed.
 *
 * @param base the first address of the prefix as an unsigned 32-bit value (may have host bits set
 *     when the text did; see {@link #isAligned()})
 */
public record Ipv4Cidr(long base, int prefixLength) {

  /** Parses {@code a.b.c.d/n}; empty when the text is not that. */
  public static Optional<Ipv4Cidr> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<Long> address = parseAddress(text.substring(0, slash));
    String bits = text.substring(slash + 1);
    if (address.isEmpty() || !bits.matches("\\d{1,2}")) {
      return Optional.empty();
    }
    int length = Integer.parseInt(bits);
    return length > 32 ? Optional.empty() : Optional.of(new Ipv4Cidr(address.get(), length));
  }

  /** Parses a dotted-quad address to its unsigned value. */
  public static Optional<Long> parseAddress(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return Optional.empty();
    }
    long value = 0;
    for (String o : octets) {
      if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
        return Optional.empty();
      }
      value = value * 256 + Integer.parseInt(o);
    }
    return Optional.of(value);
  }

  public static String format(long address) {
    return ((address >> 24) & 255)
        + "."
        + ((address >> 16) & 255)
        + "."
        + ((address >> 8) & 255)
        + "."
        + (address & 255);
  }

  public long size() {
    return 1L << (32 - prefixLength);
  }

  /** The network address: {@code base} with the host bits cleared. */
  public long network() {
    return base - (base % size());
  }

  public long last() {
    return network() + size() - 1;
  }

  /** True when no host bits are set (Azure rejects {@code 10.0.0.1/24}). */
  public boolean isAligned() {
    return base == network();
  }

  /** The same prefix with host bits cleared. */
  public Ipv4Cidr aligned() {
    return new Ipv4Cidr(network(), prefixLength);
  }

  public boolean contains(long address) {
    return address >= network() && address <= last();
  }

  public boolean contains(Ipv4Cidr other) {
    return contains(other.network()) && contains(other.last());
  }

  public boolean overlaps(Ipv4Cidr other) {
    return network() <= other.last() && other.network() <= last();
  }

  @Override
  public String toString() {
    return format(base) + "/" + prefixLength;
  }
}
