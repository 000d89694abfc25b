package dev.moat.kube.api;

import java.util.ArrayList;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch, RFC 7386: objects merge recursively, {@code null} removes a key, anything else
 * (arrays included) replaces. Written by hand because Jackson's {@code readerForUpdating} appends
 * arrays and keeps nulls.
 */
final class MergePatch {
  private MergePatch() {}

  /** The patched copy of {@code target}. */
  static ObjectNode apply(ObjectNode target, ObjectNode patch) {
    ObjectNode out = target.deepCopy();
    merge(out, patch);
    return out;
  }

  private static void merge(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> e : new ArrayList<>(patch.properties())) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        target.remove(key);
      } else if (value instanceof ObjectNode p) {
        ObjectNode t =
            target.get(key) instanceof ObjectNode existing ? existing : target.putObject(key);
        merge(t, p);
      } else {
        target.set(key, value.deepCopy());
      }
    }
  }
}
