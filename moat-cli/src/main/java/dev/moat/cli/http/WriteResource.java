package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * {@code PUT} (create or replace) or {@code PATCH} (partial update). Waits for the long-running
 * operation and then reads the resource, as az's ARM poller does; with {@code noWait} returns
 * nothing once the write is accepted.
 *
 * @param method {@code PUT} or {@code PATCH}
 */
public record WriteResource(
    String method, String path, String apiVersion, JsonNode body, boolean noWait)
    implements ArmCall<JsonNode> {
  public WriteResource {
    if (!method.equals("PUT") && !method.equals("PATCH")) {
      throw new IllegalArgumentException(method);
    }
  }

  @Override
  public ArmRequest request() {
    return ArmRequest.of(method, path, apiVersion, body);
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
