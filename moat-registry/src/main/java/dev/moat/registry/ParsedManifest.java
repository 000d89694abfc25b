package dev.moat.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.json.Json;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the registry needs to know of a manifest body: its type, the blobs and child manifests it
 * references, its subject, artifact type and annotations. The body itself is never re-serialised.
 */
public record ParsedManifest(
    String mediaType,
    List<Digest> blobs,
    List<Digest> children,
    Optional<Digest> subject,
    Optional<String> artifactType,
    Map<String, String> annotations) {

  /**
   * Parses {@code body} served as {@code contentType}; {@code MANIFEST_INVALID} when it is not a
   * manifest of a supported type or its declared type contradicts the Content-Type.
   */
  public static ParsedManifest parse(String contentType, byte[] body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw invalid("manifest is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw invalid("manifest is not a JSON object");
    }
    String declared = root.path("mediaType").asText("");
    String type = MediaType.essence(contentType);
    if (!MediaType.MANIFESTS.contains(type)) {
      type = declared;
    }
    if (!declared.isEmpty() && !declared.equals(type)) {
      throw invalid("mediaType " + declared + " does not match Content-Type " + type);
    }
    if (type.isEmpty() && root.has("manifests")) {
      type = MediaType.OCI_INDEX;
    } else if (type.isEmpty() && root.has("config")) {
      type = MediaType.OCI_MANIFEST;
    }
    if (!MediaType.MANIFESTS.contains(type) || root.path("schemaVersion").asInt() != 2) {
      throw invalid("unsupported manifest type or schemaVersion: " + type);
    }
    List<Digest> blobs = new ArrayList<>();
    List<Digest> children = new ArrayList<>();
    Optional<String> artifactType = text(root, "artifactType");
    if (MediaType.INDEXES.contains(type)) {
      for (JsonNode m : array(root, "manifests")) {
        children.add(digest(m));
      }
    } else {
      JsonNode config = root.path("config");
      if (!config.isObject()) {
        throw invalid("image manifest has no config descriptor");
      }
      blobs.add(digest(config));
      for (JsonNode l : array(root, "layers")) {
        blobs.add(digest(l));
      }
      // Referrers report the config media type when the manifest sets no artifactType (spec).
      artifactType = artifactType.or(() -> text(config, "mediaType"));
    }
    Optional<Digest> subject =
        root.path("subject").isObject()
            ? Optional.of(digest(root.get("subject")))
            : Optional.empty();
    Map<String, String> annotations = new LinkedHashMap<>();
    root.path("annotations")
        .fields()
        .forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
    return new ParsedManifest(type, blobs, children, subject, artifactType, annotations);
  }

  private static Iterable<JsonNode> array(JsonNode root, String field) {
    JsonNode n = root.path(field);
    if (n.isMissingNode()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw invalid(field + " is not an array");
    }
    return n;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode n = node.path(field);
    return n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static Digest digest(JsonNode descriptor) {
    try {
      return Digest.parse(descriptor.path("digest").asText(null));
    } catch (IllegalArgumentException e) {
      throw invalid("descriptor with an invalid digest: " + descriptor.path("digest"));
    }
  }

  private static RegistryException invalid(String message) {
    return new RegistryException(ErrorCode.MANIFEST_INVALID, message);
  }
}
