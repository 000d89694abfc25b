package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET} of one resource; a 404 is thrown as a {@link ServiceException}. */
public record GetResource(String path, String apiVersion) implements ArmCall<JsonNode> {
  @Override
  public ArmRequest request() {
    return ArmRequest.of("GET", path, apiVersion, null);
  }

  @Override
  public JsonNode run(ArmSession session) {
    return session.send(request()).orThrow().body();
  }
}
