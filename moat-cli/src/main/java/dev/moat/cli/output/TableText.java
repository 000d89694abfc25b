package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * az's table output (knack {@code _TableOutput} over tabulate's {@code simple} format): each row's
 * top-level scalars except {@code id}, {@code type} and {@code etag}, headers with the first letter
 * capitalised, columns two spaces apart under a dashed rule. Keys are sorted unless a query shaped
 * the result.
 */
public final class TableText {
  private static final List<String> SKIP = List.of("id", "type", "etag");

  private TableText() {}

  public static String write(JsonNode result, boolean sortKeys) {
    List<Map<String, String>> rows = new ArrayList<>();
    if (result.isArray()) {
      result.forEach(item -> rows.add(row(item, sortKeys)));
    } else {
      rows.add(row(result, sortKeys));
    }
    List<String> headers = new ArrayList<>();
    rows.forEach(r -> r.keySet().stream().filter(k -> !headers.contains(k)).forEach(headers::add));
    if (headers.isEmpty()) {
      return "";
    }
    int[] width = new int[headers.size()];
    for (int c = 0; c < headers.size(); c++) {
      width[c] = headers.get(c).length();
      for (Map<String, String> r : rows) {
        width[c] = Math.max(width[c], r.getOrDefault(headers.get(c), "").length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(headers, width, out);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    line(rule, width, out);
    for (Map<String, String> r : rows) {
      List<String> cells = new ArrayList<>();
      headers.forEach(h -> cells.add(r.getOrDefault(h, "")));
      line(cells, width, out);
    }
    return out.toString();
  }

  private static void line(List<String> cells, int[] width, StringBuilder out) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        out.append("  ");
      }
      out.append(cells.get(c)).append(" ".repeat(width[c] - cells.get(c).length()));
    }
    out.append('\n');
  }

  private static Map<String, String> row(JsonNode item, boolean sortKeys) {
    Map<String, String> row = new LinkedHashMap<>();
    if (item.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      if (sortKeys) {
        fields = JsonText.sortedFields(item);
      } else {
        Iterator<Map.Entry<String, JsonNode>> it = item.fields();
        it.forEachRemaining(fields::add);
      }
      for (Map.Entry<String, JsonNode> f : fields) {
        JsonNode v = f.getValue();
        if (SKIP.contains(f.getKey()) || v.isNull() || v.isContainerNode()) {
          continue;
        }
        row.put(capitalize(f.getKey()), Scalars.str(v));
      }
    } else if (item.isArray()) {
      for (int i = 0; i < item.size(); i++) {
        row.put("Column" + (i + 1), Scalars.str(item.get(i)));
      }
    } else {
      row.put("Result", Scalars.str(item));
    }
    return row;
  }

  private static String capitalize(String k) {
    return k.isEmpty() ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1);
  }
}
