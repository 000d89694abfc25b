package dev.moat.arm.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which client credentials get a token.
 *
 * <p>{@link #open} accepts any client id and non-empty secret, as local emulators usually do, and
 * derives a stable object id from the client id (so role assignments to it keep working across
 * restarts). {@link #strict} accepts only the clients listed in {@code principals.json}.
 */
public final class ClientDirectory {
  private final String tenantId;
  private final Map<String, RegisteredClient> registered;
  private final boolean strict;

  private ClientDirectory(
      String tenantId, Map<String, RegisteredClient> registered, boolean strict) {
    this.tenantId = tenantId;
    this.registered = registered;
    this.strict = strict;
  }

  public static ClientDirectory open(String tenantId) {
    return new ClientDirectory(tenantId, Map.of(), false);
  }

  /** Only the clients in {@code file} (a JSON array of {@link RegisteredClient}). */
  public static ClientDirectory strict(String tenantId, Path file) {
    try {
      List<RegisteredClient> clients =
          Json.mapper()
              .readValue(
                  Files.readString(file, StandardCharsets.UTF_8),
                  new TypeReference<List<RegisteredClient>>() {});
      return new ClientDirectory(
          tenantId,
          clients.stream()
              .collect(Collectors.toMap(RegisteredClient::clientId, Function.identity())),
          true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read registered principals from " + file, e);
    }
  }

  public boolean isStrict() {
    return strict;
  }

  /**
   * Whether a token naming {@code principal} is honoured. Open: always. Strict: a service principal
   * only when it is a listed client (a token signed with the shared key before authentication
   * became strict, or for a client since removed, is refused); managed identities (their tokens
   * come from IMDS, reachable only inside a VNet) and registry-issued anonymous users pass.
   */
  public boolean admits(Principal principal) {
    if (!strict || principal.type() != Principal.PrincipalType.ServicePrincipal) {
      return true;
    }
    RegisteredClient client = registered.get(principal.appId());
    return client != null && client.objectId().equals(principal.objectId());
  }

  /** The principal for these credentials, or empty when they are refused. */
  public Optional<Principal> authenticate(String clientId, String clientSecret) {
    if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
      return Optional.empty();
    }
    if (!strict) {
      String oid =
          UUID.nameUUIDFromBytes(
                  ("moat-service-principal:" + clientId).getBytes(StandardCharsets.UTF_8))
              .toString();
      return Optional.of(
          new Principal(
              tenantId, oid, clientId, Principal.PrincipalType.ServicePrincipal, clientId));
    }
    RegisteredClient client = registered.get(clientId);
    if (client == null || !client.clientSecret().equals(clientSecret)) {
      return Optional.empty();
    }
    return Optional.of(
        new Principal(
            tenantId,
            client.objectId(),
            clientId,
            Principal.PrincipalType.ServicePrincipal,
            client.displayName() == null ? clientId : client.displayName()));
  }
}
