package dev.moat.kube.api;

import dev.moat.kube.store.Kind;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeJson;
import io.fabric8.zjsonpatch.JsonPatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Applies a PATCH body of one of the four Kubernetes patch types to the live object. */
final class Patches {
  private Patches() {}

  static ObjectNode apply(ApiRequest r, Kind<?> kind, ObjectNode live, String type) {
    String text = r.bodyText();
    return switch (type) {
      case Bodies.JSON_PATCH -> {
        JsonNode ops;
        try {
          ops = KubeJson.mapper().readTree(text);
        } catch (RuntimeException e) {
          throw KubeException.badRequest("invalid JSON patch: " + e.getMessage());
        }
        if (!ops.isArray()) {
          throw KubeException.badRequest(
              "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }
        try {
          JsonNode out = JsonPatch.apply(ops, live);
          if (!(out instanceof ObjectNode o)) {
            throw KubeException.badRequest("the patch did not produce an object");
          }
          yield o;
        } catch (RuntimeException e) {
          if (e instanceof KubeException k) {
            throw k;
          }
          throw KubeException.of(
              422,
              "Invalid",
              "the server rejected our request due to an error in our request: " + e.getMessage());
        }
      }
      case Bodies.MERGE_PATCH -> MergePatch.apply(live, KubeJson.parse(text));
      case Bodies.STRATEGIC -> StrategicMergePatch.apply(live, KubeJson.parse(text));
      case Bodies.APPLY -> {
        ObjectNode applied = KubeJson.parse(text);
        Bodies.checkStrict(r, kind, applied);
        // Server-side apply without ownership: the applied configuration is merged over the
        // live object with strategic-merge semantics (lists keyed as SMP keys them).
        yield StrategicMergePatch.apply(live, applied);
      }
      default ->
          throw KubeException.of(
              415,
              "UnsupportedMediaType",
              "the body of the request was in an unknown format - accepted media types include:"
                  + " application/json-patch+json, application/merge-patch+json,"
                  + " application/apply-patch+yaml, application/strategic-merge-patch+json");
    };
  }
}
