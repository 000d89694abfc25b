package dev.moat.platform.error;

/**
 * One ARM error code: its HTTP status, the {@code error.code} Azure uses, and a {@link
 * String#format} message template. Each provider keeps its codes in one enum implementing this.
 */
public interface ArmErrorCode {
  int httpStatus();

  String code();

  String template();

  /** The error with its message filled in from {@code args}. */
  default ArmError error(Object... args) {
    return new ArmError(
        httpStatus(), code(), String.format(template(), args), null, java.util.List.of());
  }

  /** An exception carrying {@link #error(Object...)}. */
  default ArmException exception(Object... args) {
    return new ArmException(error(args));
  }
}
