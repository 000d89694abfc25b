package dev.moat.sdk.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The round trip Terraform depends on: after a PUT (and its operation) a GET returns what the PUT
 * returned, and a second GET returns the same again.
 */
final class RoundTrip {
  private RoundTrip() {}

  /**
   * Differences between the PUT's body and the GET after it, ignoring {@code provisioningState}. A
   * synchronous PUT's body must equal the GET; an asynchronous one's is a snapshot of a resource
   * still being provisioned, so each field it has must be in the GET with the same value.
   */
  static List<String> differences(JsonNode put, JsonNode get, boolean asynchronous) {
    JsonNode p = withoutStates(put);
    JsonNode g = withoutStates(get);
    List<String> out = new ArrayList<>();
    if (asynchronous) {
      subset("$", p, g, out);
    } else if (!p.equals(g)) {
      subset("$", p, g, out);
      subset("$", g, p, out);
      if (out.isEmpty()) {
        out.add("$: PUT body " + p + " differs from GET " + g);
      }
    }
    return out;
  }

  private static void subset(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isObject() && actual != null && actual.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        subset(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()), out);
      }
    } else if (actual == null || !expected.equals(actual)) {
      out.add(path + ": " + expected + " vs " + (actual == null ? "(absent)" : actual));
    }
  }

  private static JsonNode withoutStates(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove("provisioningState");
    }
    node.elements().forEachRemaining(RoundTrip::strip);
  }
}
