package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * az's tsv output (knack {@code _TsvOutput}): one row per list item (a non-list result is one row);
 * an object's values in key order, tab-separated; a nested object prints as an empty column and a
 * nested list as its length; scalars as Python's {@code str()}.
 */
public final class TsvText {
  private TsvText() {}

  public static String write(JsonNode result) {
    StringBuilder out = new StringBuilder();
    if (result.isArray()) {
      result.forEach(item -> row(item, out));
    } else {
      row(result, out);
    }
    return out.toString();
  }

  private static void row(JsonNode data, StringBuilder out) {
    if (data.isObject()) {
      String sep = "";
      for (Map.Entry<String, JsonNode> f : JsonText.sortedFields(data)) {
        out.append(sep);
        cell(f.getValue(), out);
        sep = "\t";
      }
    } else if (data.isArray()) {
      String sep = "";
      for (JsonNode v : data) {
        out.append(sep);
        cell(v, out);
        sep = "\t";
      }
    } else {
      cell(data, out);
    }
    out.append('\n');
  }

  private static void cell(JsonNode v, StringBuilder out) {
    if (v.isArray()) {
      out.append(v.size());
    } else if (!v.isObject()) {
      out.append(Scalars.str(v));
    }
  }
}
