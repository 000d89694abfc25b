package dev.moat.kube.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simple {@code metadata.managedFields}: one entry per field manager and operation, with the time
 * and the set of fields (FieldsV1) of the object it last wrote. Moat records ownership but does not
 * enforce it: server-side apply never answers 409 for a field another manager owns.
 */
final class Fields {
  private Fields() {}

  static void recordManager(ObjectNode object, ApiRequest r, String operation, Instant now) {
    String manager = r.param("fieldManager").orElse(defaultManager(r));
    ObjectNode meta = object.withObjectProperty("metadata");
    ArrayNode entries =
        meta.get("managedFields") instanceof ArrayNode a ? a : meta.putArray("managedFields");
    for (int i = entries.size() - 1; i >= 0; i--) {
      JsonNode e = entries.get(i);
      if (e.path("manager").asString("").equals(manager)
          && e.path("operation").asString("").equals(operation)) {
        entries.remove(i);
      }
    }
    ObjectNode entry = entries.addObject();
    entry.put("manager", manager);
    entry.put("operation", operation);
    entry.put("apiVersion", object.path("apiVersion").asString(""));
    entry.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
    entry.put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", fieldSet(object, true));
  }

  private static String defaultManager(ApiRequest r) {
    String agent = r.header("user-agent").orElse("unknown");
    int slash = agent.indexOf('/');
    return slash < 0 ? agent : agent.substring(0, slash);
  }

  /** The FieldsV1 set of an object: {@code f:<name>} per field, recursing into maps. */
  private static ObjectNode fieldSet(JsonNode node, boolean top) {
    ObjectNode set = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (var e : node.properties()) {
      String k = e.getKey();
      if (top && (k.equals("apiVersion") || k.equals("kind") || k.equals("status"))) {
        continue;
      }
      if (top && k.equals("metadata")) {
        ObjectNode meta = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String f : new String[] {"labels", "annotations"}) {
          if (e.getValue().has(f)) {
            meta.set("f:" + f, fieldSet(e.getValue().get(f), false));
          }
        }
        if (!meta.isEmpty()) {
          set.set("f:metadata", meta);
        }
        continue;
      }
      set.set(
          "f:" + k,
          e.getValue().isObject()
              ? fieldSet(e.getValue(), false)
              : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    return set;
  }
}
