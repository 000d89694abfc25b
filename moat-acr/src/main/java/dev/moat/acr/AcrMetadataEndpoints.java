package dev.moat.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.platform.json.Json;
import dev.moat.registry.BlobContent;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.StoredManifest;
import dev.moat.registry.metadata.RepositoryMetadata;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ACR's repository management API on a registry host ({@code /acr/v1/}, the data-plane {@code
 * containerregistry.json}): the catalog, a repository's attributes (and its deletion), its tags and
 * its manifests, authorised like pulls: a Bearer access token from {@code /oauth2/token} carrying
 * {@code registry:catalog:*}, {@code repository:<name>:metadata_read} or {@code
 * repository:<name>:delete}.
 */
final class AcrMetadataEndpoints {
  static final String PREFIX = "/acr/v1/";

  private final RegistryEngine engine;
  private final AcrTokens tokens;

  AcrMetadataEndpoints(RegistryEngine engine, AcrTokens tokens) {
    this.engine = engine;
    this.tokens = tokens;
  }

  static boolean handles(String path) {
    return path.startsWith(PREFIX);
  }

  /** What a path asks for. */
  private record Target(String repository, String kind, String tag) {}

  HttpResult handle(HttpCall call, AcrRegistry registry) {
    String rest = call.path().substring(PREFIX.length());
    if (rest.equals("_catalog")) {
      if (!call.method().equals("GET")) {
        return unsupported();
      }
      Optional<HttpResult> denied = authorize(call, registry, "registry", "catalog", "*");
      return denied.orElseGet(() -> catalog(call, registry));
    }
    Target t = parse(rest);
    RepositoryRef ref;
    try {
      ref = new RepositoryRef(RegistryName.of(registry.name()), RepositoryName.of(t.repository()));
    } catch (RuntimeException e) {
      return error(400, "NAME_INVALID", "invalid repository name", t.repository());
    }
    boolean delete = call.method().equals("DELETE");
    if (!delete && !call.method().equals("GET") || delete && !t.kind().isEmpty()) {
      return unsupported();
    }
    Optional<HttpResult> denied =
        authorize(
            call, registry, "repository", t.repository(), delete ? "delete" : "metadata_read");
    if (denied.isPresent()) {
      return denied.get();
    }
    RepositoryMetadata metadata = engine.metadata();
    Optional<RepositoryMetadata.RepositorySummary> summary = metadata.summary(ref);
    if (summary.isEmpty()) {
      return error(404, "NAME_UNKNOWN", "repository name not known to registry", t.repository());
    }
    if (delete) {
      List<String> manifests =
          metadata.manifests(ref).stream().map(RepositoryMetadata.ManifestEntry::digest).toList();
      List<String> tags =
          metadata.tags(ref).stream().map(RepositoryMetadata.TagEntry::name).toList();
      metadata.deleteRepository(ref);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("manifestsDeleted", manifests);
      body.put("tagsDeleted", tags);
      return HttpResult.json(202, Json.write(body));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("registry", registry.loginServer());
    body.put("imageName", t.repository());
    switch (t.kind()) {
      case "" -> {
        var s = summary.get();
        body.put("createdTime", s.created().toString());
        body.put("lastUpdateTime", s.lastUpdated().toString());
        body.put("manifestCount", s.manifestCount());
        body.put("tagCount", s.tagCount());
        body.put("changeableAttributes", changeable(false));
      }
      case "_tags" -> {
        List<Map<String, Object>> tags = new ArrayList<>();
        for (RepositoryMetadata.TagEntry e : metadata.tags(ref)) {
          if (t.tag() == null || e.name().equals(t.tag())) {
            tags.add(tag(e));
          }
        }
        if (t.tag() != null) {
          if (tags.isEmpty()) {
            return error(404, "TAG_UNKNOWN", "the specified tag does not exist", t.tag());
          }
          body.put("tag", tags.get(0));
        } else {
          body.put("tags", tags);
        }
      }
      default -> {
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (RepositoryMetadata.ManifestEntry m : metadata.manifests(ref)) {
          manifests.add(manifest(ref, m));
        }
        body.put("manifests", manifests);
      }
    }
    return HttpResult.json(200, Json.write(body));
  }

  private static Target parse(String rest) {
    int tags = rest.indexOf("/_tags");
    if (tags > 0) {
      String after = rest.substring(tags + "/_tags".length());
      return new Target(
          rest.substring(0, tags), "_tags", after.startsWith("/") ? after.substring(1) : null);
    }
    if (rest.endsWith("/_manifests")) {
      return new Target(
          rest.substring(0, rest.length() - "/_manifests".length()), "_manifests", null);
    }
    return new Target(rest, "", null);
  }

  private HttpResult catalog(HttpCall call, AcrRegistry registry) {
    int n = call.queryParam("n").map(Integer::parseInt).orElse(100);
    String last = call.queryParam("last").orElse("");
    List<String> names =
        engine.catalog().catalog(RegistryName.of(registry.name()), last, n).stream()
            .map(RepositoryName::toString)
            .toList();
    return HttpResult.json(200, Json.write(Map.of("repositories", names)));
  }

  private static Map<String, Object> tag(RepositoryMetadata.TagEntry e) {
    Map<String, Object> tag = new LinkedHashMap<>();
    tag.put("name", e.name());
    tag.put("digest", e.digest());
    tag.put("createdTime", e.updated().toString());
    tag.put("lastUpdateTime", e.updated().toString());
    tag.put("signed", false);
    tag.put("changeableAttributes", changeable(false));
    return tag;
  }

  /** A manifest's attributes, with what its config says of the platform. */
  private Map<String, Object> manifest(RepositoryRef ref, RepositoryMetadata.ManifestEntry m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("digest", m.digest());
    long imageSize = m.size();
    String configMediaType = null;
    String architecture = null;
    String os = null;
    try {
      StoredManifest stored =
          engine.manifests(ref).get(ref, Reference.of(Digest.parse(m.digest())));
      JsonNode body = Json.mapper().readTree(stored.body());
      JsonNode config = body.path("config");
      if (config.isObject()) {
        configMediaType = config.path("mediaType").asText(null);
        imageSize = config.path("size").asLong();
        for (JsonNode layer : body.path("layers")) {
          imageSize += layer.path("size").asLong();
        }
        BlobContent blob =
            engine.blobs(ref).open(ref, Digest.parse(config.path("digest").asText()));
        try (InputStream in = blob.open(0)) {
          JsonNode c = Json.mapper().readTree(in);
          architecture = c.path("architecture").asText(null);
          os = c.path("os").asText(null);
        }
      }
    } catch (IOException | RuntimeException e) {
      // An index, an artifact without a readable config: no platform to report.
    }
    out.put("imageSize", imageSize);
    out.put("createdTime", m.created().toString());
    out.put("lastUpdateTime", m.created().toString());
    if (architecture != null) {
      out.put("architecture", architecture);
    }
    if (os != null) {
      out.put("os", os);
    }
    out.put("mediaType", m.mediaType());
    if (configMediaType != null) {
      out.put("configMediaType", configMediaType);
    }
    out.put("tags", m.tags());
    out.put("changeableAttributes", changeable(true));
    return out;
  }

  private static Map<String, Object> changeable(boolean manifest) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("deleteEnabled", true);
    a.put("writeEnabled", true);
    a.put("readEnabled", true);
    a.put("listEnabled", true);
    if (manifest) {
      a.put("quarantineState", null);
    }
    return a;
  }

  /** Empty when the Bearer token grants the action; otherwise ACR's 401 challenge. */
  private Optional<HttpResult> authorize(
      HttpCall call, AcrRegistry registry, String type, String name, String action) {
    Optional<String> bearer =
        call.header("authorization")
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(h -> h.substring(7).trim());
    if (bearer.isPresent() && tokens.permits(bearer.get(), registry, type, name, action)) {
      return Optional.empty();
    }
    return Optional.of(
        AcrAuthEndpoints.error(
                401,
                "UNAUTHORIZED",
                "authentication required, visit https://aka.ms/acr/authorization for more"
                    + " information.")
            .withHeader(
                "WWW-Authenticate",
                "Bearer realm=\"https://"
                    + registry.loginServer()
                    + "/oauth2/token\",service=\""
                    + registry.loginServer()
                    + "\",scope=\""
                    + type
                    + ":"
                    + name
                    + ":"
                    + action
                    + "\""));
  }

  private static HttpResult error(int status, String code, String message, String name) {
    return HttpResult.json(
        status,
        Json.write(
            Map.of(
                "errors",
                List.of(
                    Map.of("code", code, "message", message, "detail", Map.of("name", name))))));
  }

  private static HttpResult unsupported() {
    return AcrAuthEndpoints.error(405, "UNSUPPORTED", "The requested method is not supported.");
  }
}
