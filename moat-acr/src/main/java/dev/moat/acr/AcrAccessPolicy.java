package dev.moat.acr;

import dev.moat.registry.api.AccessDecision;
import dev.moat.registry.api.AccessPolicy;
import dev.moat.registry.api.AccessRequest;
import dev.moat.registry.api.Action;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * ACR's rules in front of every registry operation: first the network rules (with public network
 * access disabled, only requests that came through one of the registry's private endpoints get in,
 * with ACR's {@code DENIED} message otherwise), then authentication (a scoped access token from
 * {@code /oauth2/token}, a refresh token as Basic password, or anonymous pull where enabled). MCR's
 * stand-in allows anonymous pulls, and pushes from the host so users can stage content.
 */
final class AcrAccessPolicy implements AccessPolicy {
  private final AcrTokens tokens;

  AcrAccessPolicy(AcrTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public AccessDecision check(AccessRequest access, Request request) {
    RegistryTarget target = RegistryTarget.of(request);
    RequestPath path = RequestPath.of(request);
    if (target instanceof RegistryTarget.StandIn) {
      boolean read = access.action() == Action.PULL || access.action() == Action.CATALOG;
      return read || path.kind() == RequestPath.Kind.HOST
          ? AccessDecision.allow()
          : AccessDecision.deny("requested access to the resource is denied");
    }
    AcrRegistry registry = ((RegistryTarget.Acr) target).registry();
    if (path.isPublic() && !registry.publicNetworkAccessEnabled()) {
      return AccessDecision.deny(
          "client with IP '"
              + path.clientIp()
              + "' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.");
    }
    String type = access.action() == Action.CATALOG ? "registry" : "repository";
    String name = access.repository().map(Object::toString).orElse("catalog");
    if (access.repository().isEmpty() && access.action() == Action.PULL) {
      // The /v2/ ping: any authenticated caller (or anyone, with anonymous pull) may ping.
      return credentials(request).isPresent() || registry.anonymousPullEnabled()
          ? AccessDecision.allow()
          : AccessDecision.challenge("authentication required");
    }
    for (String action : tokenActions(access.action())) {
      if (!allowed(request, registry, type, name, action)) {
        return AccessDecision.challenge(
            "authentication required, visit https://aka.ms/acr/authorization for more information.");
      }
    }
    return AccessDecision.allow();
  }

  private boolean allowed(
      Request request, AcrRegistry registry, String type, String name, String action) {
    Optional<Credentials> credentials = credentials(request);
    if (credentials.isEmpty()) {
      return registry.anonymousPullEnabled() && action.equals("pull") && type.equals("repository");
    }
    Credentials c = credentials.get();
    if (c.bearer()) {
      return tokens.permits(c.value(), registry, type, name, action);
    }
    return tokens
        .access(
            Optional.of(c.value()),
            registry,
            List.of(new RegistryScope(type, name, java.util.Set.of(action))))
        .map(token -> tokens.permits(token, registry, type, name, action))
        .orElse(false);
  }

  private static List<String> tokenActions(Action action) {
    return switch (action) {
      case PULL -> List.of("pull");
      case PUSH -> List.of("pull", "push");
      case DELETE -> List.of("delete");
      case CATALOG -> List.of("*");
    };
  }

  /** A bearer access token, or a refresh token sent as Basic password. */
  private record Credentials(boolean bearer, String value) {}

  private static Optional<Credentials> credentials(Request request) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null) {
      return Optional.empty();
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(new Credentials(true, header.substring(7).trim()));
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String userPass =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        if (userPass.startsWith(AcrTokens.REFRESH_TOKEN_USER + ":")) {
          return Optional.of(new Credentials(false, userPass.substring(userPass.indexOf(':') + 1)));
        }
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
