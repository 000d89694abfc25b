package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as az prints it: Python's {@code json.dumps(result, indent=2, sort_keys=True,
 * ensure_ascii=False)}, optionally coloured for {@code jsonc}.
 */
public final class JsonText {
  private static final String KEY = "\u001b[94m";
  private static final String STRING = "\u001b[32m";
  private static final String LITERAL = "\u001b[96m";
  private static final String RESET = "\u001b[0m";

  private final boolean color;

  public JsonText(boolean color) {
    this.color = color;
  }

  public String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    value(node, 0, out);
    return out.toString();
  }

  private void value(JsonNode node, int depth, StringBuilder out) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      List<Map.Entry<String, JsonNode>> fields = sortedFields(node);
      for (int i = 0; i < fields.size(); i++) {
        indent(depth + 1, out);
        paint(KEY, quote(fields.get(i).getKey()), out);
        out.append(": ");
        value(fields.get(i).getValue(), depth + 1, out);
        out.append(i < fields.size() - 1 ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        indent(depth + 1, out);
        value(node.get(i), depth + 1, out);
        out.append(i < node.size() - 1 ? ",\n" : "\n");
      }
      indent(depth, out);
      out.append(']');
    } else if (node.isTextual()) {
      paint(STRING, quote(node.asText()), out);
    } else if (node.isNull() || node.isMissingNode()) {
      paint(LITERAL, "null", out);
    } else {
      paint(LITERAL, node.asText(), out);
    }
  }

  static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    it.forEachRemaining(fields::add);
    // Python sorts str keys by code point; String.compareTo compares UTF-16 units, equal for BMP.
    fields.sort(Map.Entry.comparingByKey());
    return fields;
  }

  private void paint(String colour, String text, StringBuilder out) {
    if (color) {
      out.append(colour).append(text).append(RESET);
    } else {
      out.append(text);
    }
  }

  private static void indent(int depth, StringBuilder out) {
    out.append("  ".repeat(depth));
  }

  /** A JSON string literal with Python's escapes (non-ASCII kept as is). */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
