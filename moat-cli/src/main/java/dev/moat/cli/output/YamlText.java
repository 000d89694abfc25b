package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * az's yaml output: PyYAML's {@code safe_dump(result, default_flow_style=False)} — block style,
 * sorted keys, list items at the parent's indentation, and plain scalars single-quoted when YAML
 * would read them as something else.
 */
public final class YamlText {
  private static final Pattern NEEDS_QUOTES =
      Pattern.compile(
          "^$|^[\\s]|[\\s]$|^[-?:,\\[\\]{}#&*!|>'\"%@`~]|: |\\s#|:$"
              + "|^(?i:true|false|yes|no|on|off|null|y|n)$"
              + "|^[-+]?(\\d[\\d_]*)?(\\.\\d*)?([eE][-+]?\\d+)?$"
              + "|^0x[0-9a-fA-F]+$|^\\d+:\\d+");

  private YamlText() {}

  public static String write(JsonNode result) {
    StringBuilder out = new StringBuilder();
    if (result.isContainerNode() && !result.isEmpty()) {
      block(result, 0, out);
    } else {
      out.append(scalar(result)).append('\n');
    }
    return out.toString();
  }

  private static void block(JsonNode node, int indent, StringBuilder out) {
    String pad = " ".repeat(indent);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : JsonText.sortedFields(node)) {
        out.append(pad).append(key(f.getKey())).append(':');
        child(f.getValue(), indent, true, out);
      }
    } else {
      for (JsonNode item : node) {
        out.append(pad).append('-');
        if (item.isObject() && !item.isEmpty()) {
          // The first key goes on the dash's line, the rest align under it.
          StringBuilder nested = new StringBuilder();
          block(item, indent + 2, nested);
          out.append(' ').append(nested.substring(indent + 2));
        } else if (item.isArray() && !item.isEmpty()) {
          StringBuilder nested = new StringBuilder();
          block(item, indent + 2, nested);
          out.append(' ').append(nested.substring(indent + 2));
        } else {
          out.append(' ').append(scalar(item)).append('\n');
        }
      }
    }
  }

  private static void child(JsonNode v, int indent, boolean inMap, StringBuilder out) {
    if (v.isContainerNode() && !v.isEmpty()) {
      out.append('\n');
      // PyYAML does not indent a sequence under a mapping key.
      block(v, v.isArray() && inMap ? indent : indent + 2, out);
    } else {
      out.append(' ').append(scalar(v)).append('\n');
    }
  }

  private static String key(String k) {
    return NEEDS_QUOTES.matcher(k).find() ? quote(k) : k;
  }

  private static String scalar(JsonNode v) {
    if (v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isObject()) {
      return "{}";
    }
    if (v.isArray()) {
      return "[]";
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? "true" : "false";
    }
    if (v.isNumber()) {
      return v.asText();
    }
    String s = v.asText();
    if (s.contains("\n")) {
      return JsonText.quote(s);
    }
    return NEEDS_QUOTES.matcher(s).find() ? quote(s) : s;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
