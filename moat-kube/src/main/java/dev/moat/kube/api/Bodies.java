package dev.moat.kube.api;

import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.DeleteOptions.Propagation;
import dev.moat.kube.store.Kind;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeJson;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies: objects (with strict field validation), and DeleteOptions. */
final class Bodies {
  static final String JSON = "application/json";
  static final String JSON_PATCH = "application/json-patch+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String STRATEGIC = "application/strategic-merge-patch+json";
  static final String APPLY = "application/apply-patch+yaml";

  private Bodies() {}

  /**
   * The object in the body, of {@code kind}; 400 on bad JSON, wrong kind or (Strict) unknown
   * fields.
   */
  static ObjectNode decode(ApiRequest r, Kind<?> kind) {
    String type = r.contentType();
    if (!type.equals(JSON)
        && !type.equals(APPLY)
        && !type.equals("*/*")
        && !type.equals(ProtobufBodies.TYPE)) {
      throw KubeException.of(
          415,
          "UnsupportedMediaType",
          "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");
    }
    ObjectNode body =
        type.equals(ProtobufBodies.TYPE)
            ? ProtobufBodies.decode(r.body())
            : KubeJson.parse(r.bodyText());
    String apiVersion = body.path("apiVersion").asString("");
    String k = body.path("kind").asString("");
    if ((!apiVersion.isEmpty() && !apiVersion.equals(kind.apiVersion()))
        || (!k.isEmpty() && !k.equals(kind.kind()))) {
      throw KubeException.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + kind.apiVersion()
              + ")");
    }
    body.put("apiVersion", kind.apiVersion());
    body.put("kind", kind.kind());
    checkStrict(r, kind, body);
    return body;
  }

  /**
   * Under {@code fieldValidation=Strict}, unknown fields are a 400 with the apiserver's wording.
   */
  static void checkStrict(ApiRequest r, Kind<?> kind, ObjectNode body) {
    if (!r.param("fieldValidation").orElse("").equalsIgnoreCase("Strict")) {
      return;
    }
    List<String> unknown = StrictFields.unknown(body, kind.type());
    if (!unknown.isEmpty()) {
      StringBuilder s = new StringBuilder();
      for (String f : unknown) {
        s.append(s.length() == 0 ? "" : ", ").append("unknown field \"").append(f).append('"');
      }
      throw KubeException.badRequest(
          kind.kind()
              + " in version \""
              + kind.version()
              + "\" cannot be handled as a "
              + kind.kind()
              + ": strict decoding error: "
              + s);
    }
  }

  static DeleteOptions deleteOptions(ApiRequest r) {
    JsonNode body =
        r.body().length == 0 ? KubeJson.mapper().createObjectNode() : KubeJson.parse(r.bodyText());
    String policy =
        r.param("propagationPolicy").orElse(body.path("propagationPolicy").asString("Background"));
    Propagation propagation =
        switch (policy) {
          case "Background" -> Propagation.BACKGROUND;
          case "Foreground" -> Propagation.FOREGROUND;
          case "Orphan" -> Propagation.ORPHAN;
          default ->
              throw KubeException.invalid(dev.moat.kube.store.Kinds.NAMESPACES, "", List.of());
        };
    if (body.path("orphanDependents").asBoolean(false)) {
      propagation = Propagation.ORPHAN;
    }
    Optional<Long> grace =
        r.param("gracePeriodSeconds")
            .map(Long::parseLong)
            .or(
                () ->
                    body.has("gracePeriodSeconds")
                        ? Optional.of(body.get("gracePeriodSeconds").asLong())
                        : Optional.empty());
    JsonNode pre = body.path("preconditions");
    return new DeleteOptions(
        propagation,
        grace,
        pre.hasNonNull("uid") ? Optional.of(pre.get("uid").asString()) : Optional.empty(),
        pre.hasNonNull("resourceVersion")
            ? Optional.of(pre.get("resourceVersion").asString())
            : Optional.empty());
  }
}
