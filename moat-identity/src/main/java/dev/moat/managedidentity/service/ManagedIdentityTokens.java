package dev.moat.managedidentity.service;

import dev.moat.arm.auth.Principal;
import dev.moat.arm.auth.TokenService;
import dev.moat.managedidentity.model.UserAssignedIdentity;
import java.time.Duration;

/**
 * Mints access tokens for a managed identity: the token's {@code oid} is the identity's principal
 * id and its {@code appid} the client id, as Azure AD issues them to managed identities.
 */
public final class ManagedIdentityTokens {
  /** Azure AD issues managed-identity tokens for about 24 hours. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  private final TokenService tokens;

  public ManagedIdentityTokens(TokenService tokens) {
    this.tokens = tokens;
  }

  public TokenService.IssuedToken issue(UserAssignedIdentity identity, String audience) {
    Principal principal =
        new Principal(
            identity.tenantId(),
            identity.principalId(),
            identity.clientId(),
            Principal.PrincipalType.ManagedIdentity,
            identity.id().name());
    return tokens.issue(principal, audience, LIFETIME);
  }
}
