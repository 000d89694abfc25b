package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** {@code GET} of a collection, following {@code nextLink} pages into one array as az does. */
public record ListResources(String path, String apiVersion) implements ArmCall<ArrayNode> {
  @Override
  public ArmRequest request() {
    return ArmRequest.of("GET", path, apiVersion, null);
  }

  @Override
  public ArrayNode run(ArmSession session) {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    ArmRequest next = request();
    while (next != null) {
      JsonNode page = session.send(next).orThrow().body();
      page.path("value").forEach(all::add);
      String link = page.path("nextLink").asText("");
      // nextLink already carries the api-version.
      next = link.isEmpty() ? null : ArmRequest.of("GET", link, null, null);
    }
    return all;
  }
}
