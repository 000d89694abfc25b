package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code az acr import}'s client side (azure-cli {@code acr/import.py}): where the source is (a
 * registry in the subscription by resource id, else the login server as {@code registryUri}), the
 * default target, and the errors raised before any request.
 */
final class AcrImport {
  static final String SOURCE_NOT_FOUND =
      "Source cannot be found. Please provide a valid image and source registry or a fully"
          + " qualified source.";
  static final String LOGIN_SERVER_INVALID =
      "Login server of the registry is not valid because it is not a fully qualified domain name.";
  static final String CREDENTIALS_INVALID = "Authentication failed. Please provide password.";
  static final String SOURCE_REGISTRY_NOT_FOUND =
      "The source container registry can not be found in the current subscription. Please"
          + " provide a valid address and/or credentials.";
  static final String NO_WAIT_WARNING =
      "Import has started. Due to no-wait option, failures will not be reflected.";

  private final Arm arm;

  AcrImport(Arm arm) {
    this.arm = arm;
  }

  /** The {@code ImportImageParameters} body. */
  ObjectNode body(
      String source,
      String sourceRegistry,
      String username,
      String password,
      List<String> targetTags,
      List<String> repositories,
      boolean force) {
    if (username != null && password == null) {
      throw CliException.command(CREDENTIALS_INVALID);
    }
    ObjectNode body = Json.object();
    ObjectNode src = body.putObject("source");
    String image = source;
    if (sourceRegistry == null) {
      int slash = source.indexOf('/');
      if (slash <= 0) {
        throw CliException.command(SOURCE_NOT_FOUND);
      }
      String loginServer = source.substring(0, slash);
      if (!loginServer.contains(".")) {
        throw CliException.command(LOGIN_SERVER_INVALID);
      }
      image = source.substring(slash + 1);
      Optional<JsonNode> registry = registryByNameOrLoginServer(loginServer);
      if (registry.isPresent() && username == null) {
        src.put("resourceId", registry.get().path("id").asText());
      } else {
        src.put("registryUri", loginServer);
      }
    } else if (sourceRegistry.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
      src.put("resourceId", sourceRegistry);
    } else {
      JsonNode registry =
          registryByNameOrLoginServer(sourceRegistry)
              .orElseThrow(() -> CliException.command(SOURCE_REGISTRY_NOT_FOUND));
      if (username == null) {
        src.put("resourceId", registry.path("id").asText());
      } else {
        src.put("registryUri", registry.path("properties").path("loginServer").asText());
      }
    }
    src.put("sourceImage", image);
    if (username != null) {
      src.putObject("credentials").put("username", username).put("password", password);
    }
    List<String> tags = targetTags == null ? List.of() : targetTags;
    List<String> repos = repositories == null ? List.of() : repositories;
    if (tags.isEmpty() && repos.isEmpty()) {
      int at = image.indexOf('@');
      tags = List.of(at > 0 ? image.substring(0, at) : image);
    }
    if (!tags.isEmpty()) {
      ArrayNode t = body.putArray("targetTags");
      tags.forEach(t::add);
    }
    if (!repos.isEmpty()) {
      ArrayNode r = body.putArray("untaggedTargetRepositories");
      repos.forEach(r::add);
    }
    body.put("mode", force ? "Force" : "NoForce");
    return body;
  }

  /** A registry of the subscription by name or login server ({@code myacr.azurecr.io}). */
  private Optional<JsonNode> registryByNameOrLoginServer(String nameOrLogin) {
    String wanted = nameOrLogin.toLowerCase(Locale.ROOT);
    for (JsonNode r :
        arm.list(
            "/subscriptions/" + arm.subscriptionId() + "/providers/" + Registries.TYPE,
            Registries.V)) {
      String login = r.path("properties").path("loginServer").asText().toLowerCase(Locale.ROOT);
      if (r.path("name").asText().equalsIgnoreCase(wanted) || login.equals(wanted)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
