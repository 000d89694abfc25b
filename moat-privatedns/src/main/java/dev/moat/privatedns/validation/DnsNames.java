package dev.moat.privatedns.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/** DNS name rules for zone names, relative record set names and record targets (RFC 1035). */
public final class DnsNames {
  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;
  // Underscores are allowed because service names such as _sip._tcp live in private zones.
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?");

  private DnsNames() {}

  /** A zone name: two or more labels of at most 63 characters, at most 253 in all. */
  public static void validateZoneName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!isDomainName(lower, false)) {
      throw PrivateDnsError.INVALID_DOMAIN_NAME.exception(name);
    }
    if (lower.split("\\.").length < 2) {
      throw PrivateDnsError.ZONE_NAME_TOO_FEW_LABELS.exception(name);
    }
  }

  /**
   * A record set name relative to {@code zoneName}: {@code @} for the apex, or labels (the first
   * may be the wildcard {@code *}) whose full name fits in 253 characters.
   */
  public static void validateRelativeName(String relativeName, String zoneName) {
    if (relativeName.equals("@")) {
      return;
    }
    String lower = relativeName.toLowerCase(Locale.ROOT);
    String rest = lower.startsWith("*.") ? lower.substring(2) : lower.equals("*") ? "" : lower;
    String fqdn = lower + "." + zoneName;
    if ((!rest.isEmpty() && !isDomainName(rest, false)) || fqdn.length() > MAX_NAME) {
      throw PrivateDnsError.INVALID_DOMAIN_NAME.exception(fqdn);
    }
  }

  /** A target name (a CNAME, MX exchange, ...), which may end with the root dot. */
  public static void validateTarget(String target) {
    if (target == null || !isDomainName(target.toLowerCase(Locale.ROOT), true)) {
      throw PrivateDnsError.INVALID_DOMAIN_NAME.exception(String.valueOf(target));
    }
  }

  private static boolean isDomainName(String name, boolean allowRootDot) {
    String n = allowRootDot && name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (n.isEmpty() || n.length() > MAX_NAME || n.startsWith(".") || n.endsWith(".")) {
      return false;
    }
    for (String label : n.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL || !LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
