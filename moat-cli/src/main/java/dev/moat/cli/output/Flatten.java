package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * az prints most resources with their {@code properties} merged into the resource (the SDK models'
 * {@code x-ms-client-flatten}), at every level: {@code az network nic show --query
 * "ipConfigurations[0].privateIPAddress"} relies on it. Resource groups are the exception (their
 * commands print the body as is). Tags are never touched.
 */
public final class Flatten {
  private Flatten() {}

  public static JsonNode properties(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(properties(n)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals("properties") && f.getValue().isObject()) {
        continue;
      }
      out.set(f.getKey(), f.getKey().equals("tags") ? f.getValue() : properties(f.getValue()));
    }
    JsonNode props = node.get("properties");
    if (props != null && props.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> p = props.fields();
      while (p.hasNext()) {
        Map.Entry<String, JsonNode> f = p.next();
        if (!out.has(f.getKey())) {
          out.set(f.getKey(), properties(f.getValue()));
        }
      }
    }
    return out;
  }
}
