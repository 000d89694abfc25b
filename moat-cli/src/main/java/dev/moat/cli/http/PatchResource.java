package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** {@code PATCH} (partial update), waited for like {@link PutResource}. */
public record PatchResource(String path, String apiVersion, JsonNode body, boolean noWait)
    implements ArmCall<JsonNode> {
  @Override
  public ArmRequest request() {
    return ArmRequest.of("PATCH", path, apiVersion, body);
  }

  @Override
  public JsonNode run(ArmSession session) {
    ArmReply reply = session.send(request()).orThrow();
    if (noWait) {
      return MissingNode.getInstance();
    }
    return LroPoller.awaitResource(session, reply, path, apiVersion);
  }
}
