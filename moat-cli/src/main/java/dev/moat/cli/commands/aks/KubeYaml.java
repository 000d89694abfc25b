package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the YAML that kubeconfig files are written in: block mappings and sequences (PyYAML's and
 * kubectl's layout, sequence items at or below their key's indentation), plain and quoted scalars,
 * {@code []}/{@code {}}, comments; a JSON document is read as JSON. Anchors, multi-line scalars and
 * other flow collections are not kubeconfig's and are refused.
 */
final class KubeYaml {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private record Line(int indent, String text, int number) {}

  private final List<Line> lines = new ArrayList<>();
  private int pos;

  private KubeYaml(String text) {
    String[] raw = text.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String l = raw[i];
      String trimmed = l.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---")) {
        continue;
      }
      int indent = 0;
      while (indent < l.length() && l.charAt(indent) == ' ') {
        indent++;
      }
      lines.add(new Line(indent, stripComment(l.substring(indent)).stripTrailing(), i + 1));
    }
  }

  /** The document, or null for an empty one. */
  static JsonNode read(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (t.startsWith("{")) {
      return Json.parse(t);
    }
    KubeYaml y = new KubeYaml(text);
    if (y.lines.isEmpty()) {
      return null;
    }
    JsonNode node = y.block(y.lines.get(0).indent());
    if (y.pos < y.lines.size()) {
      throw y.error(y.lines.get(y.pos));
    }
    return node;
  }

  private JsonNode block(int indent) {
    Line first = lines.get(pos);
    return isItem(first.text()) ? sequence(indent) : mapping(indent);
  }

  private ObjectNode mapping(int indent) {
    ObjectNode map = F.objectNode();
    while (pos < lines.size()) {
      Line l = lines.get(pos);
      if (l.indent() != indent || isItem(l.text())) {
        if (l.indent() > indent) {
          throw error(l);
        }
        break;
      }
      int colon = keyEnd(l.text());
      if (colon < 0) {
        throw error(l);
      }
      String key = unquote(l.text().substring(0, colon).strip());
      String rest = l.text().substring(colon + 1).strip();
      pos++;
      if (!rest.isEmpty()) {
        map.set(key, scalar(rest, l));
      } else if (pos < lines.size() && lines.get(pos).indent() > indent) {
        map.set(key, block(lines.get(pos).indent()));
      } else if (pos < lines.size()
          && lines.get(pos).indent() == indent
          && isItem(lines.get(pos).text())) {
        map.set(key, sequence(indent));
      } else {
        map.putNull(key);
      }
    }
    return map;
  }

  private ArrayNode sequence(int indent) {
    ArrayNode seq = F.arrayNode();
    while (pos < lines.size()) {
      Line l = lines.get(pos);
      if (l.indent() != indent || !isItem(l.text())) {
        break;
      }
      String rest = l.text().substring(1).strip();
      if (rest.isEmpty()) {
        pos++;
        seq.add(
            pos < lines.size() && lines.get(pos).indent() > indent
                ? block(lines.get(pos).indent())
                : F.nullNode());
      } else if (keyEnd(rest) >= 0 && !rest.startsWith("'") && !rest.startsWith("\"")) {
        // "- key: value": a mapping whose first line starts after the dash.
        int inner = indent + l.text().indexOf(rest);
        lines.set(pos, new Line(inner, rest, l.number()));
        seq.add(mapping(inner));
      } else {
        pos++;
        seq.add(scalar(rest, l));
      }
    }
    return seq;
  }

  private static boolean isItem(String text) {
    return text.equals("-") || text.startsWith("- ");
  }

  /** The index of the colon ending a key, or -1 (quoted keys and URLs' colons are skipped). */
  private static int keyEnd(String text) {
    int start = 0;
    if (text.startsWith("\"") || text.startsWith("'")) {
      int close = text.indexOf(text.charAt(0), 1);
      if (close < 0) {
        return -1;
      }
      start = close + 1;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  private JsonNode scalar(String text, Line l) {
    if (text.equals("[]")) {
      return F.arrayNode();
    }
    if (text.equals("{}")) {
      return F.objectNode();
    }
    if (text.startsWith("'") || text.startsWith("\"")) {
      return F.textNode(unquote(text));
    }
    if (text.startsWith("[")
        || text.startsWith("{")
        || text.startsWith("&")
        || text.startsWith("*")
        || text.startsWith("|")
        || text.startsWith(">")) {
      throw error(l);
    }
    switch (text) {
      case "null", "Null", "NULL", "~" -> {
        return F.nullNode();
      }
      case "true", "True", "TRUE" -> {
        return F.booleanNode(true);
      }
      case "false", "False", "FALSE" -> {
        return F.booleanNode(false);
      }
      default -> {
        if (text.matches("[-+]?\\d+")) {
          try {
            return F.numberNode(Long.parseLong(text));
          } catch (NumberFormatException e) {
            return F.textNode(text);
          }
        }
        return F.textNode(text);
      }
    }
  }

  private static String unquote(String text) {
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      return text.substring(1, text.length() - 1).replace("''", "'");
    }
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1)
          .replace("\\\"", "\"")
          .replace("\\n", "\n")
          .replace("\\t", "\t")
          .replace("\\\\", "\\");
    }
    return text;
  }

  private static String stripComment(String text) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#' && !single && !dbl && i > 0 && text.charAt(i - 1) == ' ') {
        return text.substring(0, i);
      }
    }
    return text;
  }

  private CliException error(Line l) {
    return CliException.command(
        "Failed to load kubeconfig: unsupported YAML at line " + l.number() + ": " + l.text());
  }
}
