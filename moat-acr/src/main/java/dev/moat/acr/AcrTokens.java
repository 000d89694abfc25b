package dev.moat.acr;

import dev.moat.arm.auth.Authenticator;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.auth.TokenService;
import dev.moat.platform.contracts.Authorizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ACR's two-step token protocol, signed by Moat's token service: an Entra (here: Moat) access token
 * is exchanged for a registry <em>refresh</em> token bound to one login server, which then buys
 * scoped <em>access</em> tokens. What an access token grants is decided by Azure RBAC at the moment
 * it is issued, so a role assignment takes effect on the next token, without restart.
 */
public final class AcrTokens {
  /** The user name docker/oras send with a refresh token as Basic password. */
  public static final String REFRESH_TOKEN_USER = "00000000-0000-0000-0000-000000000000";

  static final Duration REFRESH_LIFETIME = Duration.ofHours(3);
  static final Duration ACCESS_LIFETIME = Duration.ofMinutes(75);
  private static final String KIND = "moat_acr_token";

  /** ACR's own audience, accepted besides the ARM audiences. */
  private static final String REGISTRY_AUDIENCE = "https://containerregistry.azure.net";

  /** Actions of the token protocol and the RBAC data actions that allow them. */
  private static final Map<String, String> RBAC =
      Map.of(
          "pull", "Microsoft.ContainerRegistry/registries/pull/read",
          "push", "Microsoft.ContainerRegistry/registries/push/write",
          "delete", "Microsoft.ContainerRegistry/registries/artifacts/delete",
          "metadata_read", "Microsoft.ContainerRegistry/registries/metadata/read",
          "*", "Microsoft.ContainerRegistry/registries/catalog/read");

  private final TokenService tokens;
  private final Authorizer authorizer;

  public AcrTokens(TokenService tokens, Authorizer authorizer) {
    this.tokens = tokens;
    this.authorizer = authorizer;
  }

  /** {@code /oauth2/exchange}: an Entra token for a refresh token of {@code registry}. */
  public Optional<String> exchange(String aadToken, AcrRegistry registry) {
    return tokens
        .verify(aadToken)
        .filter(t -> t.expiresAt().isAfter(tokens.clock().instant()))
        .filter(t -> acceptsAudience(t.audience()))
        .map(
            t ->
                tokens
                    .issue(
                        t.principal(),
                        registry.loginServer(),
                        REFRESH_LIFETIME,
                        Map.of(KIND, "refresh"))
                    .value());
  }

  /**
   * {@code /oauth2/token}: an access token for the scopes the caller may have. {@code refreshToken}
   * empty means anonymous (only pulls, only where anonymous pull is enabled). Empty result when the
   * refresh token is not valid for this registry, or when scopes were requested and none is
   * granted.
   */
  public Optional<String> access(
      Optional<String> refreshToken, AcrRegistry registry, List<RegistryScope> requested) {
    Optional<Principal> caller;
    if (refreshToken.isPresent()) {
      caller =
          verify(refreshToken.get(), registry, "refresh")
              .map(TokenService.VerifiedToken::principal);
      if (caller.isEmpty()) {
        return Optional.empty();
      }
    } else {
      caller = Optional.empty();
    }
    List<Map<String, Object>> granted = new ArrayList<>();
    for (RegistryScope scope : requested) {
      Set<String> allowed = new LinkedHashSet<>();
      for (String action : scope.actions()) {
        if (allows(caller, registry, scope, action)) {
          allowed.add(action);
        }
      }
      if (!allowed.isEmpty()) {
        granted.add(new RegistryScope(scope.type(), scope.name(), allowed).toClaim());
      }
    }
    if (!requested.isEmpty() && granted.isEmpty()) {
      // ACR answers 401 when none of the requested access is granted (containerd then reports
      // "failed to fetch oauth token: ... 401 Unauthorized", MS-PULL cause 1).
      return Optional.empty();
    }
    Principal subject =
        caller.orElse(
            new Principal("", "anonymous", "anonymous", Principal.PrincipalType.User, "anonymous"));
    return Optional.of(
        tokens
            .issue(
                subject,
                registry.loginServer(),
                ACCESS_LIFETIME,
                Map.of(KIND, "access", "access", granted))
            .value());
  }

  /** True when {@code accessToken} is a valid access token of this registry granting the action. */
  public boolean permits(
      String accessToken, AcrRegistry registry, String type, String name, String action) {
    return verify(accessToken, registry, "access")
        .map(t -> grants(t.claims().get("access"), type, name, action))
        .orElse(false);
  }

  private boolean allows(
      Optional<Principal> caller, AcrRegistry registry, RegistryScope scope, String action) {
    if (caller.isEmpty()) {
      return registry.anonymousPullEnabled()
          && scope.type().equals("repository")
          && action.equals("pull");
    }
    String rbacAction = RBAC.get(action.toLowerCase(Locale.ROOT));
    return rbacAction != null
        && authorizer.allowed(caller.get().objectId(), rbacAction, registry.id());
  }

  private Optional<TokenService.VerifiedToken> verify(
      String token, AcrRegistry registry, String kind) {
    Instant now = tokens.clock().instant();
    return tokens
        .verify(token)
        .filter(t -> t.expiresAt().isAfter(now))
        .filter(t -> t.audience().equalsIgnoreCase(registry.loginServer()))
        .filter(t -> kind.equals(t.claims().get(KIND)));
  }

  private static boolean grants(Object accessClaim, String type, String name, String action) {
    if (!(accessClaim instanceof List<?> entries)) {
      return false;
    }
    for (Object e : entries) {
      if (e instanceof Map<?, ?> entry
          && type.equals(entry.get("type"))
          && name.equals(entry.get("name"))
          && entry.get("actions") instanceof List<?> actions
          && actions.contains(action)) {
        return true;
      }
    }
    return false;
  }

  private static boolean acceptsAudience(String audience) {
    return Authenticator.isManagementAudience(audience)
        || audience.toLowerCase(Locale.ROOT).replaceAll("/+$", "").equals(REGISTRY_AUDIENCE);
  }
}
