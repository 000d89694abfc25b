package dev.moat.platform.error;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of an ARM error, {@code {"error":{"code","message","target"?,"details"?}}}, plus the
 * HTTP status it travels with.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ArmError(
    @JsonIgnore int httpStatus,
    String code,
    String message,
    String target,
    List<ArmError> details) {

  public ArmError {
    details = details == null ? List.of() : List.copyOf(details);
  }

  /**
   * Reads an error body; the HTTP status does not travel in it, so it is unknown (0) until {@link
   * #withHttpStatus} sets it.
   */
  @JsonCreator
  static ArmError fromJson(
      @JsonProperty("code") String code,
      @JsonProperty("message") String message,
      @JsonProperty("target") String target,
      @JsonProperty("details") List<ArmError> details) {
    return new ArmError(0, code, message, target, details);
  }

  public ArmError withHttpStatus(int status) {
    return new ArmError(status, code, message, target, details);
  }

  /** The same error naming the property it is about. */
  public ArmError withTarget(String newTarget) {
    return new ArmError(httpStatus, code, message, newTarget, details);
  }

  /** The envelope ARM writes: {@code {"error": this}}. */
  public Envelope envelope() {
    return new Envelope(this);
  }

  /** {@code {"error": ...}}. */
  public record Envelope(ArmError error) {}
}
