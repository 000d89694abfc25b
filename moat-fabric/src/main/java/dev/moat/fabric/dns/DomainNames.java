package dev.moat.fabric.dns;

import java.util.Locale;

/**
 * Normalisation of DNS names: DNS compares names case-insensitively and the final dot is optional.
 */
final class DomainNames {
  private DomainNames() {}

  /** Lower case, trimmed, without the trailing dot; rejects empty names and empty labels. */
  static String normalize(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    if (n.isEmpty() || n.startsWith(".") || n.contains("..")) {
      throw new IllegalArgumentException("not a domain name: '" + name + "'");
    }
    return n;
  }

  /** True when {@code name} equals {@code zone} or lies below it (both normalised). */
  static boolean isAtOrBelow(String name, String zone) {
    return name.equals(zone) || name.endsWith("." + zone);
  }

  /** The name relative to {@code zone}, {@code @} for the apex (both normalised). */
  static String relativeTo(String name, String zone) {
    return name.equals(zone) ? "@" : name.substring(0, name.length() - zone.length() - 1);
  }

  /**
   * The public zone that would be authoritative for a name Moat knows nothing about: its last two
   * labels (a registrable-domain approximation), or the name itself when it has fewer.
   */
  static String publicZoneOf(String name) {
    int last = name.lastIndexOf('.');
    if (last < 0) {
      return name;
    }
    int second = name.lastIndexOf('.', last - 1);
    return second < 0 ? name : name.substring(second + 1);
  }
}
