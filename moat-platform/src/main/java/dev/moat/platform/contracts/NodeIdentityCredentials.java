package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;
import java.util.Set;

/**
 * Credentials that let a node agent ask the instance metadata service (IMDS) for tokens of the
 * identities its VM carries. Implemented by the managed identity provider; used by node agents.
 * Thread-safe.
 */
public interface NodeIdentityCredentials {
  /** The header IMDS reads the credential from. */
  String HEADER = "X-Moat-Node-Credential";

  /** A new credential for {@code nodeName} carrying {@code identities}; replaces earlier ones. */
  String issue(String nodeName, Set<ResourceId> identities);

  void revoke(String nodeName);
}
