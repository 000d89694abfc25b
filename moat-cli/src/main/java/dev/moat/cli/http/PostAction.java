package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * {@code POST} of an action ({@code upgradeNodeImageVersion}, {@code listClusterUserCredential}). A
 * 202 is waited for; the result is the final {@code Location} body when there is one, else the
 * first response's body.
 */
public record PostAction(String path, String apiVersion, JsonNode body, boolean noWait)
    implements ArmCall<JsonNode> {
  @Override
  public ArmRequest request() {
    return ArmRequest.of("POST", path, apiVersion, body);
  }

  @Override
  public JsonNode run(ArmSession session) {
    ArmReply reply = session.send(request()).orThrow();
    if (noWait) {
      return MissingNode.getInstance();
    }
    if (reply.status() != 202 && reply.header("Azure-AsyncOperation").isEmpty()) {
      return reply.body();
    }
    JsonNode result = LroPoller.awaitOperation(session, reply);
    return result.isMissingNode() ? reply.body() : result;
  }
}
