package dev.moat.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.http.Json;
import java.util.Optional;

/**
 * The az extensions the user has "installed", in {@code $MOAT_HOME/cli/extensions.json}. Moat ships
 * their behaviour built in; installing one only switches it on, as {@code aks-preview} does for az
 * (the {@code block} outbound type and the preview warnings).
 */
public final class Extensions {
  public static final String AKS_PREVIEW = "aks-preview";

  /** The aks-preview version Moat emulates (≥ 9.0.0b2, which added outbound type block). */
  public static final String AKS_PREVIEW_VERSION = "19.0.0b10";

  private static final String FILE = "extensions.json";
  private final MoatHome home;

  public Extensions(MoatHome home) {
    this.home = home;
  }

  public boolean isInstalled(String name) {
    return home.readJson(FILE).has(name);
  }

  public Optional<String> version(String name) {
    JsonNode v = home.readJson(FILE).path(name).path("version");
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  public JsonNode all() {
    JsonNode all = home.readJson(FILE);
    return all.isObject() ? all : Json.object();
  }

  public void install(String name, String version) {
    ObjectNode all = (ObjectNode) all().deepCopy();
    all.putObject(name).put("version", version);
    home.writeJson(FILE, all);
  }

  public void remove(String name) {
    ObjectNode all = (ObjectNode) all().deepCopy();
    all.remove(name);
    home.writeJson(FILE, all);
  }

  public String path(String name) {
    return home.root().resolve("cli").resolve("extensions").resolve(name).toString();
  }
}
