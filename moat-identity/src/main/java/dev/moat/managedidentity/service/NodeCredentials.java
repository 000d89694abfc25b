package dev.moat.managedidentity.service;

import dev.moat.platform.contracts.NodeIdentityCredentials;
import dev.moat.platform.id.ResourceId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which identities a node may obtain tokens for, and the credential that proves a caller is that
 * node.
 *
 * <p>On Azure, IMDS answers only callers on the VM itself, so whoever reaches 169.254.169.254 on a
 * node gets that node's identities and nothing else. Moat serves IMDS from its one loopback
 * listener, where every process could reach it, so the network cannot tell nodes apart. Instead,
 * when Moat places a node it calls {@link #issue} with the identities the node carries and hands
 * the returned opaque credential to that node's agent only; the agent sends it in {@code
 * X-Moat-Node-Credential} with every IMDS request. A credential is 256 random bits and names
 * exactly one grant.
 *
 * <p>Grants live in memory only: a restart forgets them, and node agents register again (that keeps
 * a stolen credential from outliving the process that issued it). Thread-safe.
 */
public final class NodeCredentials implements NodeIdentityCredentials {
  /** Header in which a node agent presents its credential. */
  public static final String HEADER = NodeIdentityCredentials.HEADER;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> byCredential = new ConcurrentHashMap<>();
  private final Map<String, String> credentialByNode = new ConcurrentHashMap<>();

  /** What a credential allows: tokens for these identities, on behalf of this node. */
  public record Grant(String nodeName, Set<ResourceId> identities) {
    public Grant {
      identities = Set.copyOf(identities);
    }
  }

  /**
   * Issues a credential for {@code nodeName} carrying {@code identities}, replacing (and so
   * revoking) any credential the node had before.
   */
  @Override
  public String issue(String nodeName, Set<ResourceId> identities) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String credential = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    byCredential.put(credential, new Grant(nodeName, identities));
    String previous = credentialByNode.put(nodeName, credential);
    if (previous != null) {
      byCredential.remove(previous);
    }
    return credential;
  }

  /** Revokes the node's credential (the node was deleted or reimaged). */
  @Override
  public void revoke(String nodeName) {
    String credential = credentialByNode.remove(nodeName);
    if (credential != null) {
      byCredential.remove(credential);
    }
  }

  /** The grant a presented credential carries; empty for a missing or unknown one. */
  public Optional<Grant> resolve(String credential) {
    return credential == null
        ? Optional.empty()
        : Optional.ofNullable(byCredential.get(credential));
  }
}
