package dev.moat.kube.api;

import dev.moat.kube.store.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side {@code meta.k8s.io/v1 Table}s with the columns of kubernetes' {@code
 * pkg/printers/internalversion/printers.go}. Each row carries the object's metadata as {@code
 * PartialObjectMetadata}, which is where kubectl takes the NAMESPACE column of {@code -A}.
 */
final class Tables {
  /** A column: name, type, priority (1 = only with {@code -o wide}). */
  record Column(String name, String type, int priority, String description) {}

  private Tables() {}

  static Map<String, Object> table(
      Kind<?> kind,
      List<ObjectNode> objects,
      String resourceVersion,
      Instant now,
      boolean withColumns) {
    Printer printer = Printers.of(kind);
    List<Object> rows = new ArrayList<>();
    for (ObjectNode o : objects) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("cells", printer.cells(o, now));
      row.put("object", partial(o));
      rows.add(row);
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceVersion", resourceVersion);
    table.put("metadata", meta);
    if (withColumns) {
      List<Object> defs = new ArrayList<>();
      for (Column c : printer.columns()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", c.name());
        d.put("type", c.type());
        d.put("format", c.name().equals("Name") ? "name" : "");
        d.put("description", c.description());
        d.put("priority", c.priority());
        defs.add(d);
      }
      table.put("columnDefinitions", defs);
    } else {
      table.put("columnDefinitions", null);
    }
    table.put("rows", rows);
    return table;
  }

  private static Map<String, Object> partial(ObjectNode o) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("kind", "PartialObjectMetadata");
    p.put("apiVersion", "meta.k8s.io/v1");
    p.put("metadata", o.path("metadata"));
    return p;
  }

  /** Columns and cells of one kind. */
  interface Printer {
    List<Column> columns();

    List<Object> cells(JsonNode object, Instant now);
  }

  /** kubectl's {@code duration.HumanDuration}. */
  static String age(JsonNode timestamp, Instant now) {
    String text = timestamp == null ? "" : timestamp.asString("");
    if (text.isEmpty()) {
      return "<unknown>";
    }
    return human(java.time.Duration.between(Instant.parse(text), now));
  }

  static String human(java.time.Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return (hours / 24) + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
    }
    return (hours / 24 / 365) + "y";
  }
}
