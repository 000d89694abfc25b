package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** An ARM response: status, headers and the body parsed as JSON (missing when empty). */
public record ArmReply(WireResponse wire, JsonNode body) {
  public int status() {
    return wire.status();
  }

  public Optional<String> header(String name) {
    return wire.header(name);
  }

  public boolean isSuccess() {
    return status() >= 200 && status() < 300;
  }

  /** The ARM error of a failed reply, as az would print it. */
  public ServiceException error() {
    JsonNode err = body.path("error");
    if (err.isObject()) {
      return new ServiceException(
          status(), err.path("code").asText("Unknown"), err.path("message").asText(""));
    }
    // Non-ARM bodies (the token endpoint's OAuth errors, plain text): keep az's shape anyway.
    String code = body.path("error").asText(body.isMissingNode() ? "HttpError" : "Error");
    String message = body.path("error_description").asText(wire.text());
    if (message.isBlank()) {
      message = "Operation returned an invalid status code " + status();
    }
    return new ServiceException(status(), code, message);
  }

  /** Throws the error unless the reply is a success. */
  public ArmReply orThrow() {
    if (!isSuccess()) {
      throw error();
    }
    return this;
  }
}
