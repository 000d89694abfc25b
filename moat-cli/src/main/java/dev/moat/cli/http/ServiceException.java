package dev.moat.cli.http;

import dev.moat.cli.CliException;

/**
 * An ARM error response ({@code {"error":{"code","message"}}}), printed as az prints azure-core's
 * {@code HttpResponseError}: {@code (Code) Message}, then {@code Code:} and {@code Message:} lines.
 */
public final class ServiceException extends CliException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final String detail;

  public ServiceException(int status, String code, String detail) {
    super("(" + code + ") " + detail + "\nCode: " + code + "\nMessage: " + detail, 1);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String detail() {
    return detail;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  /** The same error with az's exit code for a {@code show} of something missing (3). */
  public CliException asShowNotFound() {
    CliException e = new CliException(getMessage(), 3);
    e.initCause(this);
    return e;
  }
}
