package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.http.Json;
import java.util.List;

/** az's {@code --tags key[=value] ...}: space-separated; {@code ""} clears existing tags. */
public final class Tags {
  private Tags() {}

  /** The tags object, or null when the flag was not given. */
  public static ObjectNode parse(List<String> values) {
    if (values == null) {
      return null;
    }
    ObjectNode tags = Json.object();
    for (String v : values) {
      if (v.isEmpty()) {
        continue;
      }
      int eq = v.indexOf('=');
      if (eq < 0) {
        tags.put(v, "");
      } else {
        tags.put(v.substring(0, eq), v.substring(eq + 1));
      }
    }
    return tags;
  }
}
