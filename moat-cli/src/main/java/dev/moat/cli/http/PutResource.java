package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * {@code PUT} (create or replace). Waits for the long-running operation and then reads the
 * resource, as az's ARM poller does; with {@code noWait} returns nothing once the PUT is accepted.
 */
public record PutResource(String path, String apiVersion, JsonNode body, boolean noWait)
    implements ArmCall<JsonNode> {
  @Override
  public ArmRequest request() {
    return ArmRequest.of("PUT", path, apiVersion, body);
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
