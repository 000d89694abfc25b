package dev.moat.arm.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Finds the values a {@link SpecTable.Rule} path names in a request body. */
public final class JsonPaths {
  private JsonPaths() {}

  /** A value found in the body and the concrete path to it, e.g. {@code properties.a[0].b}. */
  record Found(String path, JsonNode node) {}

  /** Every present, non-null value at {@code path}. */
  static List<Found> find(JsonNode root, String path) {
    List<Found> current = List.of(new Found("", root));
    for (String token : tokens(path)) {
      List<Found> next = new ArrayList<>();
      for (Found f : current) {
        JsonNode node = f.node();
        switch (token) {
          case "[]" -> {
            if (node.isArray()) {
              for (int i = 0; i < node.size(); i++) {
                next.add(new Found(f.path() + "[" + i + "]", node.get(i)));
              }
            }
          }
          case "{}" -> {
            if (node.isObject()) {
              for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                next.add(new Found(f.path() + "['" + e.getKey() + "']", e.getValue()));
              }
            }
          }
          default -> {
            JsonNode child = node.isObject() ? node.get(token) : null;
            if (child != null && !child.isNull()) {
              next.add(new Found(f.path().isEmpty() ? token : f.path() + "." + token, child));
            }
          }
        }
      }
      current = next;
    }
    return current;
  }

  /** {@code a.b[].c{}} becomes {@code [a, b, [], c, {}]}. */
  public static List<String> tokens(String path) {
    List<String> tokens = new ArrayList<>();
    for (String part : path.split("\\.")) {
      String name = part;
      List<String> suffixes = new ArrayList<>();
      while (name.endsWith("[]") || name.endsWith("{}")) {
        suffixes.add(0, name.substring(name.length() - 2));
        name = name.substring(0, name.length() - 2);
      }
      if (!name.isEmpty()) {
        tokens.add(name);
      }
      tokens.addAll(suffixes);
    }
    return tokens;
  }

  /** The path of the object holding {@code path}'s last property, and that property's name. */
  static String[] parentAndField(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0
        ? new String[] {"", path}
        : new String[] {path.substring(0, dot), path.substring(dot + 1)};
  }
}
