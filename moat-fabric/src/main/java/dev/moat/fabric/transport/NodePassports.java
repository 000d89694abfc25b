package dev.moat.fabric.transport;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks node passports: 256-bit random secrets, held in memory only (node agents get
 * new ones when they are placed again after a restart), never written anywhere a host client could
 * read them. Thread-safe.
 */
public final class NodePassports {
  /** The header a node agent sends its passport in. */
  public static final String HEADER = "X-Moat-Node-Passport";

  /**
   * The header naming the virtual address and port the node connected to, e.g. {@code
   * 192.168.2.4:443}.
   */
  public static final String DESTINATION = "X-Moat-Destination";

  /** The header naming the virtual host name the node addressed, e.g. {@code myacr.azurecr.io}. */
  public static final String HOST = "X-Moat-Host";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, NodePassport> bySecret = new ConcurrentHashMap<>();

  /** A new secret for the node; any earlier secret of the same node stops working. */
  public String issue(NodePassport passport) {
    revoke(passport.nodeName());
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    bySecret.put(secret, passport);
    return secret;
  }

  public Optional<NodePassport> resolve(String secret) {
    return secret == null ? Optional.empty() : Optional.ofNullable(bySecret.get(secret));
  }

  public void revoke(String nodeName) {
    bySecret.values().removeIf(p -> p.nodeName().equals(nodeName));
  }
}
