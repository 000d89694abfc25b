package dev.moat.sdk.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One published {@code x-ms-examples} file (kept verbatim under {@code
 * src/test/resources/arm-examples/<provider>/<api-version>/}): {@code parameters} (path parameters
 * and the request body) and {@code responses} by status code.
 *
 * @param path the file's path under {@code arm-examples/}, e.g. {@code
 *     Microsoft.Network/2026-01-01/SubnetGet.json}
 */
record ArmExample(String path, JsonNode doc) {
  private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)(^|/)subscriptions/([^/]+)");

  /** Every example file, sorted by path. */
  static List<ArmExample> all() {
    URL root = ArmExample.class.getResource("/arm-examples");
    Objects.requireNonNull(root, "arm-examples resources are missing");
    try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
      Path base = Path.of(root.toURI());
      List<ArmExample> all = new ArrayList<>();
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".json"))::iterator) {
        all.add(
            new ArmExample(
                base.relativize(f).toString().replace('\\', '/'),
                Json.mapper().readTree(Files.readString(f))));
      }
      all.sort((a, b) -> a.path.compareTo(b.path));
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The example's operationId, or the one {@link ExampleOperations#BY_FILE} gives its file. */
  String operationId() {
    String id = doc.path("operationId").asText(null);
    return id != null ? id : ExampleOperations.BY_FILE.get(fileName());
  }

  JsonNode parameters() {
    return doc.path("parameters");
  }

  String apiVersion() {
    return parameters().path("api-version").asText();
  }

  JsonNode responses() {
    return doc.path("responses");
  }

  /**
   * A copy where every string value (and every key that holds an id) has its subscription segments
   * ({@code /subscriptions/X}, also a {@code scope} starting with {@code subscriptions/X}) pointed
   * at {@code subscription}, the {@code subscriptionId} parameter set to it, then each of {@code
   * substitutions} replaced (substring, in order).
   */
  ArmExample substituted(String subscription, Map<String, String> substitutions) {
    JsonNode copy = doc.deepCopy();
    rewrite(copy, subscription, substitutions);
    if (copy.path("parameters").has("subscriptionId")) {
      ((ObjectNode) copy.path("parameters")).put("subscriptionId", subscription);
    }
    return new ArmExample(path, copy);
  }

  private static void rewrite(JsonNode node, String subscription, Map<String, String> subs) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (name.contains("/")) {
          // A map keyed by ids, e.g. identity.userAssignedIdentities.
          String renamed = rewrite(name, subscription, subs);
          o.set(renamed, o.remove(name));
          name = renamed;
        }
        JsonNode child = o.get(name);
        if (child.isTextual()) {
          o.set(name, TextNode.valueOf(rewrite(child.asText(), subscription, subs)));
        } else {
          rewrite(child, subscription, subs);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode child = node.get(i);
        if (child.isTextual()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node)
              .set(i, TextNode.valueOf(rewrite(child.asText(), subscription, subs)));
        } else {
          rewrite(child, subscription, subs);
        }
      }
    }
  }

  private static String rewrite(String s, String subscription, Map<String, String> subs) {
    Matcher m = SUBSCRIPTION.matcher(s);
    String out =
        m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "subscriptions/" + subscription));
    for (Map.Entry<String, String> e : subs.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Every string value in {@code node}, recursively: what a request echoes. */
  static Set<String> strings(JsonNode node) {
    Set<String> out = new TreeSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      collect(it.next(), out);
    }
  }

  @Override
  public String toString() {
    return path;
  }
}
