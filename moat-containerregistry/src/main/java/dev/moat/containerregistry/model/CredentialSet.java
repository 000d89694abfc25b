package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import java.time.Instant;
import java.util.List;

/**
 * A stored credential set: the upstream login server and the Key Vault secrets that hold its user
 * name and password. Moat keeps the shape only; nothing reads the secrets yet.
 */
public record CredentialSet(
    ResourceId id,
    String loginServer,
    List<AuthCredential> authCredentials,
    Identity identity,
    Instant creationDate,
    Provisioning provisioning)
    implements Provisioned<CredentialSet> {

  public CredentialSet {
    authCredentials = authCredentials == null ? List.of() : List.copyOf(authCredentials);
  }

  @Override
  public CredentialSet withProvisioning(Provisioning next) {
    return new CredentialSet(id, loginServer, authCredentials, identity, creationDate, next);
  }

  /** One credential ({@code Credential1}). */
  public record AuthCredential(
      String name, String usernameSecretIdentifier, String passwordSecretIdentifier) {}

  /** The set's managed identity, which reads the secrets. */
  public record Identity(String type, String principalId, String tenantId) {}
}
