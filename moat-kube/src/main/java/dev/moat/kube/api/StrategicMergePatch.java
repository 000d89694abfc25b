package dev.moat.kube.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strategic merge patch as {@code apimachinery/pkg/util/strategicpatch} applies it to the built-in
 * types: maps merge, lists with a merge key merge element by element, other lists are replaced, and
 * the directives {@code $patch} (replace, delete, merge), {@code $retainKeys}, {@code
 * $setElementOrder/<list>} and {@code $deleteFromPrimitiveList/<list>} are honoured. Merge keys
 * come from the patch-strategy tags of the Kubernetes API types, looked up by list field name (with
 * the container/service distinction for {@code ports}).
 */
final class StrategicMergePatch {
  /** Marker for lists merged as sets of primitives (finalizers). */
  private static final String PRIMITIVE_SET = "";

  private StrategicMergePatch() {}

  static ObjectNode apply(ObjectNode original, ObjectNode patch) {
    JsonNode out = mergeMap(original.deepCopy(), patch, "");
    return out instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
  }

  /** The merge key of a list field, {@link #PRIMITIVE_SET}, or null for an atomic list. */
  static String mergeKey(String field, String context) {
    return switch (field) {
      case "containers",
          "initContainers",
          "ephemeralContainers",
          "volumes",
          "imagePullSecrets",
          "schedulingGates",
          "resourceClaims",
          "env" ->
          "name";
      case "hostAliases", "podIPs", "hostIPs" -> "ip";
      case "topologySpreadConstraints" -> "topologyKey";
      case "ports" ->
          context.endsWith("containers") || context.endsWith("initContainers")
              ? "containerPort"
              : "port";
      case "volumeMounts" -> "mountPath";
      case "volumeDevices" -> "devicePath";
      case "conditions", "addresses" -> "type";
      case "ownerReferences" -> "uid";
      case "finalizers" -> PRIMITIVE_SET;
      default -> null;
    };
  }

  /** Merges {@code patch} into {@code target} (modified in place); null means "delete me". */
  private static JsonNode mergeMap(ObjectNode target, ObjectNode patch, String context) {
    String directive = patch.path("$patch").asString("");
    if (directive.equals("replace")) {
      return strip(patch);
    }
    if (directive.equals("delete")) {
      return null;
    }
    for (Map.Entry<String, JsonNode> e : new ArrayList<>(patch.properties())) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.startsWith("$deleteFromPrimitiveList/")) {
        String list = key.substring("$deleteFromPrimitiveList/".length());
        if (target.get(list) instanceof ArrayNode items) {
          Set<JsonNode> remove = new HashSet<>();
          value.forEach(remove::add);
          for (int i = items.size() - 1; i >= 0; i--) {
            if (remove.contains(items.get(i))) {
              items.remove(i);
            }
          }
        }
        continue;
      }
      if (key.startsWith("$")) {
        continue;
      }
      if (value.isNull()) {
        target.remove(key);
      } else if (value instanceof ObjectNode p) {
        ObjectNode t =
            target.get(key) instanceof ObjectNode existing
                ? existing
                : JsonNodeFactory.instance.objectNode();
        JsonNode merged = mergeMap(t, p, key);
        if (merged == null) {
          target.remove(key);
        } else {
          target.set(key, merged);
        }
      } else if (value instanceof ArrayNode p) {
        JsonNode existing = target.get(key);
        target.set(key, mergeList(key, context, existing instanceof ArrayNode a ? a : null, p));
      } else {
        target.set(key, value.deepCopy());
      }
    }
    if (patch.get("$retainKeys") instanceof ArrayNode retain) {
      Set<String> keep = new HashSet<>();
      retain.forEach(k -> keep.add(k.asString()));
      for (String k : new ArrayList<>(target.propertyNames())) {
        if (!keep.contains(k)) {
          target.remove(k);
        }
      }
    }
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (e.getKey().startsWith("$setElementOrder/")
          && target.get(e.getKey().substring(17)) instanceof ArrayNode list) {
        String field = e.getKey().substring(17);
        target.set(field, order(list, (ArrayNode) e.getValue(), mergeKey(field, context)));
      }
    }
    return target;
  }

  private static ArrayNode mergeList(
      String field, String context, ArrayNode target, ArrayNode patch) {
    String key = mergeKey(field, context);
    for (JsonNode element : patch) {
      if (element.isObject() && element.path("$patch").asString("").equals("replace")) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode e : patch) {
          if (!(e.isObject() && e.has("$patch"))) {
            out.add(strip(e));
          }
        }
        return out;
      }
    }
    if (key == null || target == null) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode e : patch) {
        if (!(e.isObject() && e.path("$patch").asString("").equals("delete"))) {
          out.add(strip(e));
        }
      }
      return out;
    }
    ArrayNode out = target.deepCopy();
    if (key.equals(PRIMITIVE_SET)) {
      Set<JsonNode> present = new HashSet<>();
      out.forEach(present::add);
      for (JsonNode e : patch) {
        if (present.add(e)) {
          out.add(e.deepCopy());
        }
      }
      return out;
    }
    for (JsonNode e : patch) {
      if (!(e instanceof ObjectNode element)) {
        continue;
      }
      JsonNode id = element.get(key);
      int index = indexOf(out, key, id);
      if (element.path("$patch").asString("").equals("delete")) {
        if (index >= 0) {
          out.remove(index);
        }
      } else if (index >= 0) {
        JsonNode merged = mergeMap((ObjectNode) out.get(index), element, field);
        if (merged == null) {
          out.remove(index);
        } else {
          out.set(index, merged);
        }
      } else {
        out.add(strip(element));
      }
    }
    return out;
  }

  private static int indexOf(ArrayNode list, String key, JsonNode id) {
    for (int i = 0; i < list.size(); i++) {
      if (id != null && id.equals(list.get(i).get(key))) {
        return i;
      }
    }
    return -1;
  }

  /** Orders a merged list as {@code $setElementOrder} says; elements it does not name follow. */
  private static ArrayNode order(ArrayNode list, ArrayNode order, String key) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    List<JsonNode> rest = new ArrayList<>();
    list.forEach(rest::add);
    for (JsonNode o : order) {
      for (int i = 0; i < rest.size(); i++) {
        JsonNode e = rest.get(i);
        boolean same =
            key == null || key.isEmpty()
                ? e.equals(o)
                : o.get(key) != null && o.get(key).equals(e.get(key));
        if (same) {
          out.add(e);
          rest.remove(i);
          break;
        }
      }
    }
    rest.forEach(out::add);
    return out;
  }

  /** A copy of a patch value without directives (for values added as they are). */
  static JsonNode strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        if (!e.getKey().startsWith("$") && !e.getValue().isNull()) {
          out.set(e.getKey(), strip(e.getValue()));
        }
      }
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      a.forEach(e -> out.add(strip(e)));
      return out;
    }
    return node.deepCopy();
  }
}
