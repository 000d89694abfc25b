package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.http.Json;
import java.util.List;

/** az's {@code --tags key[=value] ...}: space-separated; {@code ""} clears existing tags. */
public final class Tags {
  private Tags() {}

  /** Sets {@code resource}'s {@code tags} from the flag's values; leaves them alone without it. */
  public static void apply(ObjectNode resource, List<String> values) {
    ObjectNode tags = parse(values);
    if (tags != null) {
      resource.set("tags", tags);
    }
  }

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
