package dev.moat.containerservice.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Pass-through properties: the settable properties of a cluster or pool that Moat stores and
 * returns as sent but does not act on. An ARM round trip must keep every settable property
 * (Terraform compares what GET returns with what it PUT), so instead of dropping what the typed
 * model lacks, the rest of the request is kept as one opaque JSON object next to the typed spec.
 */
public final class PassThrough {
  private PassThrough() {}

  /** {@code node} if it is an object, else a new empty object. */
  public static ObjectNode orEmpty(JsonNode node) {
    return node instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
  }

  /**
   * Adds to {@code target} each member of {@code extra} it lacks, recursively into objects both
   * have; a member {@code target} already has (typed, computed by Moat) wins.
   */
  public static void mergeInto(ObjectNode target, JsonNode extra) {
    if (extra == null || !extra.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode mine = target.get(f.getKey());
      if (mine == null || mine.isNull()) {
        target.set(f.getKey(), f.getValue().deepCopy());
      } else if (mine instanceof ObjectNode o && f.getValue().isObject()) {
        mergeInto(o, f.getValue());
      }
    }
  }
}
