package dev.moat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.moat.platform.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;

/** An ARM response as a test sees it: status, headers, parsed JSON body. */
public record ArmResult(int status, Map<String, List<String>> headers, String rawBody) {

  /** The body as JSON (a missing node when empty). */
  public JsonNode body() {
    if (rawBody == null || rawBody.isEmpty()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.mapper().readTree(rawBody);
    } catch (Exception e) {
      throw new AssertionError("response body is not JSON: " + rawBody, e);
    }
  }

  /** A header value (case-insensitive name). */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  /** The body's {@code error.code}, or empty. */
  public String errorCode() {
    return body().path("error").path("code").asText("");
  }

  public String errorMessage() {
    return body().path("error").path("message").asText("");
  }

  /** Fails unless the status is one of {@code expected}; returns this for chaining. */
  public ArmResult expectStatus(int... expected) {
    if (Arrays.stream(expected).noneMatch(s -> s == status)) {
      Assertions.fail(
          "expected HTTP " + Arrays.toString(expected) + " but got " + status + ": " + rawBody);
    }
    return this;
  }

  /** Fails unless this is an ARM error with {@code status} and {@code code}. */
  public ArmResult expectError(int expectedStatus, String expectedCode) {
    expectStatus(expectedStatus);
    Assertions.assertThat(errorCode()).as("error.code of %s", rawBody).isEqualTo(expectedCode);
    return this;
  }
}
