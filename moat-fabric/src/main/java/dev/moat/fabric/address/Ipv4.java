package dev.moat.fabric.address;

import java.util.Optional;

/**
 * An IPv4 address as its 32-bit value. Parsed strictly from dotted-quad text (four decimal octets,
 * no leading zeros beyond a single {@code 0}), so that {@code "010.1.1.1"} never silently becomes a
 * different address.
 */
public record Ipv4(int bits) implements Comparable<Ipv4> {

  /** Parses dotted-quad text, throwing {@link IllegalArgumentException} if it is not IPv4. */
  public static Ipv4 parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + text));
  }

  /** Parses dotted-quad text, or returns empty (IPv6 and garbage alike). */
  public static Optional<Ipv4> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.trim().split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    int bits = 0;
    for (String part : parts) {
      if (part.isEmpty()
          || part.length() > 3
          || (part.length() > 1 && part.charAt(0) == '0')
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      bits = (bits << 8) | octet;
    }
    return Optional.of(new Ipv4(bits));
  }

  /** The address of four octets, each 0..255. */
  public static Ipv4 of(int a, int b, int c, int d) {
    for (int o : new int[] {a, b, c, d}) {
      if (o < 0 || o > 255) {
        throw new IllegalArgumentException("octet out of range: " + o);
      }
    }
    return new Ipv4((a << 24) | (b << 16) | (c << 8) | d);
  }

  /** The four octets in network order, as {@link java.net.InetAddress} wants them. */
  public byte[] octets() {
    return new byte[] {
      (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits
    };
  }

  @Override
  public int compareTo(Ipv4 other) {
    return Integer.compareUnsigned(bits, other.bits);
  }

  @Override
  public String toString() {
    return (bits >>> 24)
        + "."
        + ((bits >>> 16) & 0xff)
        + "."
        + ((bits >>> 8) & 0xff)
        + "."
        + (bits & 0xff);
  }
}
