package dev.moat.cli.http;

/**
 * {@code DELETE}, waiting for the operation unless {@code noWait}. A 204 or a 404 on the first
 * request means there is nothing to delete, which az treats as success.
 */
public record DeleteResource(String path, String apiVersion, boolean noWait)
    implements ArmCall<Void> {
  @Override
  public ArmRequest request() {
    return ArmRequest.of("DELETE", path, apiVersion, null);
  }

  @Override
  public Void run(ArmSession session) {
    ArmReply reply = session.send(request());
    if (reply.status() == 404 || reply.status() == 204) {
      return null;
    }
    reply.orThrow();
    if (!noWait) {
      LroPoller.awaitOperation(session, reply);
    }
    return null;
  }
}
