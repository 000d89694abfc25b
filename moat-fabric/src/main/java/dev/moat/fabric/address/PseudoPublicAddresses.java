package dev.moat.fabric.address;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Deterministic stand-ins for the public addresses of names Moat serves. Moat is offline: these
 * addresses are never contacted, they only let DNS answer something and let the fabric tell, from
 * an address alone, which public endpoint a connection is aimed at.
 *
 * <p>Layout of {@code 20.0.0.0/8}:
 *
 * <ul>
 *   <li>{@code 20.255.0.0/16} is reserved for the fabric's built-in table of upstreams ({@link
 *       dev.moat.fabric.dns.PublicUpstreams});
 *   <li>everything else below is handed out by {@link #forName}: the first three bytes of the
 *       SHA-256 of the lower-cased name, with the second octet folded into 0..254 and the last
 *       octet into 1..254, so the address is never a network or broadcast-looking {@code .0} /
 *       {@code .255}.
 * </ul>
 *
 * Two names may in principle hash to one address (about one chance in 16 million per pair); the
 * reachability check then treats the address as refused if any owner refuses public traffic.
 */
public final class PseudoPublicAddresses {
  /** The block every pseudo-public address lies in. */
  public static final Ipv4Prefix BLOCK = Ipv4Prefix.parse("20.0.0.0/8");

  /** The part of {@link #BLOCK} kept for the built-in table. */
  public static final Ipv4Prefix BUILT_IN = Ipv4Prefix.parse("20.255.0.0/16");

  private PseudoPublicAddresses() {}

  /** The pseudo-public address of {@code fqdn} (case-insensitive, trailing dot ignored). */
  public static Ipv4 forName(String fqdn) {
    String key = fqdn.toLowerCase(Locale.ROOT);
    if (key.endsWith(".")) {
      key = key.substring(0, key.length() - 1);
    }
    byte[] h = sha256(key.getBytes(StandardCharsets.UTF_8));
    int second = Byte.toUnsignedInt(h[0]) % 255; // 0..254: never the built-in 20.255/16
    int third = Byte.toUnsignedInt(h[1]);
    int fourth = 1 + Byte.toUnsignedInt(h[2]) % 254; // 1..254
    return Ipv4.of(20, second, third, fourth);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
      throw new IllegalStateException(e);
    }
  }
}
