package dev.moat.platform.error;

/** A request failed with an ARM error; the front door writes {@link #error()} as the response. */
public final class ArmException extends RuntimeException {
  private final ArmError error;

  public ArmException(ArmError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  public ArmError error() {
    return error;
  }

  /** The same exception naming the property it is about. */
  public ArmException withTarget(String target) {
    return new ArmException(error.withTarget(target));
  }
}
