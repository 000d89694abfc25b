package dev.moat.cli.http;

/** {@code HEAD}: whether a resource exists (204/200 yes, 404 no). */
public record HeadResource(String path, String apiVersion) implements ArmCall<Boolean> {
  @Override
  public ArmRequest request() {
    return ArmRequest.of("HEAD", path, apiVersion, null);
  }

  @Override
  public Boolean run(ArmSession session) {
    ArmReply reply = session.send(request());
    if (reply.status() == 404) {
      return false;
    }
    reply.orThrow();
    return true;
  }
}
