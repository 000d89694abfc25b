package dev.moat.server.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.arm.validation.JsonPaths;
import dev.moat.arm.validation.SpecTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates request bodies the spec allows, from a type's {@link SpecTable}: a random subset of the
 * writable leaf properties, each with a value of its spec type that keeps its enum, range, length
 * and pattern (a patterned string is left out unless an enum gives its values). Seeded, so a run is
 * reproducible from its seed.
 */
final class SpecBodyGenerator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Strings the spec allows anywhere it sets no limit: spaces, non-ASCII, a slash, empty. */
  private static final List<String> FREE_TEXT =
      List.of("abc", "with space", "ünïcödé", "a/b", "", "Microsoft.Foo/bars", "x".repeat(40));

  private final SpecTable table;
  private final Random random;
  private final String subscriptionId;

  SpecBodyGenerator(SpecTable table, long seed, String subscriptionId) {
    this.table = table;
    this.random = new Random(seed);
    this.subscriptionId = subscriptionId;
  }

  /** One body: a random valid subset of the spec, with {@code base} laid over it. */
  ObjectNode next(JsonNode base) {
    ObjectNode body = JSON.objectNode();
    for (Leaf leaf : leaves()) {
      if (random.nextInt(100) < 20) {
        value(leaf).ifPresent(v -> set(body, JsonPaths.tokens(leaf.path()), v));
      }
    }
    if (random.nextBoolean()) {
      ObjectNode tags = body.putObject("tags");
      for (int i = random.nextInt(4); i > 0; i--) {
        tags.put("tag" + i, FREE_TEXT.get(random.nextInt(FREE_TEXT.size())));
      }
    }
    merge(body, base);
    fillRequired(body);
    return body;
  }

  /**
   * Gives every object the generator made the properties the spec requires of it (a required leaf
   * of an optional object would otherwise make most bodies invalid).
   */
  void fillRequired(ObjectNode body) {
    Map<String, Leaf> leaves = new LinkedHashMap<>();
    leaves().forEach(l -> leaves.put(l.path(), l));
    for (int pass = 0; pass < 3; pass++) {
      for (SpecTable.Rule rule : table.rules()) {
        if (rule.kind() != SpecTable.Kind.REQUIRED || !leaves.containsKey(rule.path())) {
          continue;
        }
        List<String> tokens = JsonPaths.tokens(rule.path());
        for (ObjectNode parent : objectsAt(body, tokens.subList(0, tokens.size() - 1))) {
          String field = tokens.get(tokens.size() - 1);
          if (!parent.hasNonNull(field)) {
            value(leaves.get(rule.path())).ifPresent(v -> parent.set(field, v));
          }
        }
      }
    }
  }

  private static List<ObjectNode> objectsAt(JsonNode root, List<String> tokens) {
    List<JsonNode> current = List.of(root);
    for (String token : tokens) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (token.equals("[]") || token.equals("{}")) {
          node.elements().forEachRemaining(next::add);
        } else if (node.isObject() && node.has(token)) {
          next.add(node.get(token));
        }
      }
      current = next;
    }
    return current.stream().filter(JsonNode::isObject).map(n -> (ObjectNode) n).toList();
  }

  /** A writable leaf property and the rules about it. */
  record Leaf(String path, String type, List<SpecTable.Rule> rules) {
    java.util.Optional<SpecTable.Rule> rule(SpecTable.Kind kind) {
      return rules.stream().filter(r -> r.kind() == kind).findFirst();
    }
  }

  List<Leaf> leaves() {
    Map<String, List<SpecTable.Rule>> byPath = new LinkedHashMap<>();
    for (SpecTable.Rule r : table.rules()) {
      byPath.computeIfAbsent(r.path(), p -> new ArrayList<>()).add(r);
    }
    List<Leaf> leaves = new ArrayList<>();
    byPath.forEach(
        (path, rules) ->
            rules.stream()
                .filter(r -> r.kind() == SpecTable.Kind.TYPE)
                .map(SpecTable.Rule::value)
                .filter(t -> List.of("string", "integer", "number", "boolean").contains(t))
                .findFirst()
                .ifPresent(t -> leaves.add(new Leaf(path, t, rules))));
    return leaves;
  }

  private java.util.Optional<JsonNode> value(Leaf leaf) {
    var closed = leaf.rule(SpecTable.Kind.ENUM);
    var open = leaf.rule(SpecTable.Kind.VALUES);
    if (closed.isPresent() || open.isPresent()) {
      List<String> values = closed.orElseGet(open::get).values();
      String v = values.get(random.nextInt(values.size()));
      return java.util.Optional.of(
          leaf.type().equals("string") ? JSON.textNode(v) : JSON.textNode(v));
    }
    switch (leaf.type()) {
      case "boolean":
        return java.util.Optional.of(JSON.booleanNode(random.nextBoolean()));
      case "integer":
      case "number":
        long min =
            leaf.rule(SpecTable.Kind.MINIMUM)
                .map(r -> (long) Double.parseDouble(r.value()))
                .orElse(0L);
        long max =
            leaf.rule(SpecTable.Kind.MAXIMUM)
                .map(r -> (long) Double.parseDouble(r.value()))
                .orElse(Math.max(min, 0) + 100);
        return java.util.Optional.of(
            JSON.numberNode(min + (long) (random.nextDouble() * (max - min))));
      default:
        if (leaf.rule(SpecTable.Kind.PATTERN).isPresent()) {
          return java.util.Optional.empty();
        }
        String format = leaf.rule(SpecTable.Kind.FORMAT).map(SpecTable.Rule::value).orElse("");
        String text =
            switch (format) {
              case "uuid" -> UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString();
              case "arm-id" ->
                  "/subscriptions/"
                      + subscriptionId
                      + "/resourceGroups/prop/providers/Microsoft.Network/virtualNetworks/v"
                      + random.nextInt(5);
              case "date-time" -> "2026-01-01T00:00:00Z";
              case "uri" -> "https://example.com/" + random.nextInt(100);
              default -> FREE_TEXT.get(random.nextInt(FREE_TEXT.size()));
            };
        int maxLength =
            leaf.rule(SpecTable.Kind.MAX_LENGTH)
                .map(r -> Integer.parseInt(r.value()))
                .orElse(Integer.MAX_VALUE);
        int minLength =
            leaf.rule(SpecTable.Kind.MIN_LENGTH).map(r -> Integer.parseInt(r.value())).orElse(0);
        if (text.length() > maxLength) {
          text = text.substring(0, maxLength);
        }
        if (text.length() < minLength) {
          text = text + "y".repeat(minLength - text.length());
        }
        return java.util.Optional.of(JSON.textNode(text));
    }
  }

  private static byte[] longBytes(long v) {
    return java.nio.ByteBuffer.allocate(8).putLong(v).array();
  }

  static void set(ObjectNode root, List<String> tokens, JsonNode value) {
    JsonNode current = root;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean last = i == tokens.size() - 1;
      String next = last ? null : tokens.get(i + 1);
      if (token.equals("[]")) {
        ArrayNode array = (ArrayNode) current;
        if (last) {
          if (array.isEmpty()) {
            array.add(value);
          }
          return;
        }
        if (array.isEmpty()) {
          array.add(container(next));
        }
        current = array.get(0);
        if (!current.isContainerNode()) {
          return;
        }
      } else {
        String key = token.equals("{}") ? "k1" : token;
        ObjectNode object = (ObjectNode) current;
        if (last) {
          object.set(key, value);
          return;
        }
        JsonNode child = object.get(key);
        if (child == null || !child.isContainerNode()) {
          child = container(next);
          object.set(key, child);
        }
        current = child;
        if (next.equals("[]") != current.isArray()) {
          return;
        }
      }
    }
  }

  private static JsonNode container(String nextToken) {
    return nextToken.equals("[]") ? JSON.arrayNode() : JSON.objectNode();
  }

  /** Lays {@code base} over {@code target}: base's values win, objects merge. */
  static void merge(ObjectNode target, JsonNode base) {
    for (Iterator<Map.Entry<String, JsonNode>> it = base.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = target.get(e.getKey());
      if (existing instanceof ObjectNode o && e.getValue().isObject()) {
        merge(o, e.getValue());
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }
}
