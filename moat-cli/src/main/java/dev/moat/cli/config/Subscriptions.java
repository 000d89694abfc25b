package dev.moat.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliException;
import dev.moat.cli.http.ArmSession;
import dev.moat.cli.http.Json;
import dev.moat.cli.http.ListResources;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscriptions the signed-in principal sees ({@code GET /subscriptions}), cached per endpoint
 * in {@code $MOAT_HOME/cli/profile.json} together with the default one ({@code account set}).
 */
public final class Subscriptions {
  public static final String API_VERSION = "2022-12-01";
  private static final String FILE = "profile.json";

  /** One subscription as {@code account list} shows it. */
  public record Subscription(String id, String name, String tenantId, String state) {}

  private final MoatHome home;
  private final String endpoint;

  public Subscriptions(MoatHome home, String endpoint) {
    this.home = home;
    this.endpoint = endpoint;
  }

  /** The cached list, or the server's (then cached). */
  public List<Subscription> list(ArmSession session, boolean refresh) {
    JsonNode cached = home.readJson(FILE).path(endpoint).path("subscriptions");
    if (!refresh && cached.isArray() && !cached.isEmpty()) {
      return parse(cached);
    }
    ArrayNode fetched = new ListResources("/subscriptions", API_VERSION).run(session);
    List<Subscription> subs = new ArrayList<>();
    for (JsonNode s : fetched) {
      subs.add(
          new Subscription(
              s.path("subscriptionId").asText(),
              s.path("displayName").asText(),
              s.path("tenantId").asText(),
              s.path("state").asText("Enabled")));
    }
    store(subs, defaultId().orElse(null));
    return subs;
  }

  /** The default subscription (explicitly chosen, else the first). */
  public Subscription current(ArmSession session) {
    List<Subscription> subs = list(session, false);
    if (subs.isEmpty()) {
      throw CliException.command("No subscriptions found for the signed-in principal.");
    }
    String chosen = defaultId().orElse(null);
    return subs.stream()
        .filter(s -> s.id().equalsIgnoreCase(chosen))
        .findFirst()
        .orElse(subs.get(0));
  }

  /** Finds one by id or name, as {@code --subscription} and {@code account set -s} accept. */
  public Subscription find(ArmSession session, String idOrName) {
    return list(session, false).stream()
        .filter(s -> s.id().equalsIgnoreCase(idOrName) || s.name().equalsIgnoreCase(idOrName))
        .findFirst()
        .orElseThrow(
            () ->
                CliException.command(
                    "Subscription '"
                        + idOrName
                        + "' not found. Check the spelling and casing and"
                        + " try again."));
  }

  public void setDefault(ArmSession session, String idOrName) {
    Subscription s = find(session, idOrName);
    store(list(session, false), s.id());
  }

  public void forget() {
    home.delete(FILE);
  }

  private java.util.Optional<String> defaultId() {
    JsonNode d = home.readJson(FILE).path(endpoint).path("default");
    return d.isTextual() ? java.util.Optional.of(d.asText()) : java.util.Optional.empty();
  }

  private void store(List<Subscription> subs, String defaultId) {
    JsonNode all = home.readJson(FILE);
    ObjectNode out = all.isObject() ? (ObjectNode) all : Json.object();
    ObjectNode entry = out.putObject(endpoint);
    ArrayNode arr = entry.putArray("subscriptions");
    for (Subscription s : subs) {
      ObjectNode o = arr.addObject();
      o.put("id", s.id());
      o.put("name", s.name());
      o.put("tenantId", s.tenantId());
      o.put("state", s.state());
    }
    if (defaultId != null) {
      entry.put("default", defaultId);
    }
    home.writeJson(FILE, out);
  }

  private static List<Subscription> parse(JsonNode arr) {
    List<Subscription> out = new ArrayList<>();
    for (JsonNode s : arr) {
      out.add(
          new Subscription(
              s.path("id").asText(),
              s.path("name").asText(),
              s.path("tenantId").asText(),
              s.path("state").asText()));
    }
    return out;
  }
}
