package dev.moat.containerregistry.http;

import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.CredentialSet;
import java.time.Instant;
import java.util.List;

/** The wire shapes of credential sets (CredentialSet.models.tsp). */
final class CredentialSetBodies {
  private CredentialSetBodies() {}

  /** PUT body. */
  record Put(IdentityIn identity, PutProperties properties) {}

  /** PUT {@code identity}. */
  record IdentityIn(String type) {}

  /** PUT {@code properties}. */
  record PutProperties(String loginServer, List<CredentialSet.AuthCredential> authCredentials) {}

  /** GET/PUT response. */
  record Resource(
      String id, String name, String type, CredentialSet.Identity identity, Properties properties) {
    static Resource of(CredentialSet s) {
      return new Resource(
          s.id().toString(),
          s.id().name(),
          ContainerRegistryTypes.CREDENTIAL_SET.value(),
          s.identity(),
          new Properties(
              s.loginServer(),
              s.authCredentials().stream().map(CredentialOut::of).toList(),
              s.creationDate(),
              s.provisioning().state().name()));
    }
  }

  /** {@code properties}. */
  record Properties(
      String loginServer,
      List<CredentialOut> authCredentials,
      Instant creationDate,
      String provisioningState) {}

  /**
   * One credential as shown; the secrets are never fetched, so their health is reported as Azure
   * reports a set it has not yet found unusable.
   */
  record CredentialOut(
      String name,
      String usernameSecretIdentifier,
      String passwordSecretIdentifier,
      Health credentialHealth) {
    static CredentialOut of(CredentialSet.AuthCredential c) {
      return new CredentialOut(
          c.name(),
          c.usernameSecretIdentifier(),
          c.passwordSecretIdentifier(),
          new Health("Healthy"));
    }
  }

  /** {@code credentialHealth}. */
  record Health(String status) {}
}
