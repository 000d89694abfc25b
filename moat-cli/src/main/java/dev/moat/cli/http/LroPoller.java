package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ARM long-running-operation polling as azure-core's {@code ARMPolling} does it: the {@code
 * Azure-AsyncOperation} URL first (its {@code status}), else the {@code Location} URL (202 until
 * done), else the resource's own {@code provisioningState}; every wait honours {@code Retry-After}.
 */
final class LroPoller {
  private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "canceled");
  private static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);

  private LroPoller() {}

  /** Waits for a PUT/PATCH and returns the resource read afresh afterwards. */
  static JsonNode awaitResource(
      ArmSession session, ArmReply initial, String path, String apiVersion) {
    boolean pending =
        initial.header("Azure-AsyncOperation").isPresent()
            || (initial.status() == 202 && initial.header("Location").isPresent())
            || !isTerminal(initial.body().path("properties").path("provisioningState"));
    if (!pending) {
      return initial.body();
    }
    if (initial.header("Azure-AsyncOperation").isPresent() || initial.status() == 202) {
      awaitOperation(session, initial);
    } else {
      pollResource(session, initial, path, apiVersion);
    }
    return new GetResource(path, apiVersion).run(session);
  }

  /**
   * Waits for the operation an initial reply started; returns the {@code Location} result body
   * (missing when there is none).
   */
  static JsonNode awaitOperation(ArmSession session, ArmReply initial) {
    try {
      Optional<String> async = initial.header("Azure-AsyncOperation");
      if (async.isPresent()) {
        pollStatus(session, initial, async.get());
        return initial
            .header("Location")
            .filter(l -> initial.status() == 202)
            .map(l -> session.send(ArmRequest.of("GET", l, null, null)).body())
            .filter(b -> !b.path("error").isObject())
            .orElse(MissingNode.getInstance());
      }
      Optional<String> location = initial.header("Location");
      if (location.isPresent()) {
        return pollLocation(session, initial, location.get());
      }
      return MissingNode.getInstance();
    } finally {
      session.pacer().done();
    }
  }

  private static void pollStatus(ArmSession session, ArmReply previous, String url) {
    ArmReply last = previous;
    while (true) {
      session.pacer().pause(retryAfter(last));
      session.pacer().tick();
      last = session.send(ArmRequest.of("GET", url, null, null)).orThrow();
      JsonNode status = last.body().path("status");
      if (isTerminal(status)) {
        if (!status.asText().equalsIgnoreCase("succeeded")) {
          throw failure(last.body(), status.asText());
        }
        return;
      }
    }
  }

  private static JsonNode pollLocation(ArmSession session, ArmReply previous, String url) {
    ArmReply last = previous;
    while (true) {
      session.pacer().pause(retryAfter(last));
      session.pacer().tick();
      last = session.send(ArmRequest.of("GET", url, null, null)).orThrow();
      if (last.status() != 202) {
        return last.body();
      }
    }
  }

  private static void pollResource(
      ArmSession session, ArmReply previous, String path, String apiVersion) {
    ArmReply last = previous;
    try {
      while (true) {
        session.pacer().pause(retryAfter(last));
        session.pacer().tick();
        last = session.send(ArmRequest.of("GET", path, apiVersion, null)).orThrow();
        JsonNode state = last.body().path("properties").path("provisioningState");
        if (isTerminal(state)) {
          if (!state.asText().equalsIgnoreCase("succeeded")) {
            throw failure(last.body(), state.asText());
          }
          return;
        }
      }
    } finally {
      session.pacer().done();
    }
  }

  private static boolean isTerminal(JsonNode state) {
    return state.isMissingNode()
        || state.isNull()
        || TERMINAL.contains(state.asText().toLowerCase(Locale.ROOT));
  }

  private static ServiceException failure(JsonNode body, String status) {
    JsonNode error = body.path("error");
    if (error.isObject()) {
      return new ServiceException(
          200, error.path("code").asText("Failed"), error.path("message").asText(""));
    }
    return new ServiceException(200, status, "The operation ended with status " + status + ".");
  }

  /**
   * The wait the reply asks for: the millisecond headers first, as azure-core reads them ({@code
   * retry-after-ms}, {@code x-ms-retry-after-ms}), so an operation that ends in milliseconds is not
   * rounded up to whole seconds; else {@code Retry-After}.
   */
  private static Duration retryAfter(ArmReply reply) {
    return reply
        .header("retry-after-ms")
        .or(() -> reply.header("x-ms-retry-after-ms"))
        .flatMap(LroPoller::millis)
        .or(() -> reply.header("Retry-After").flatMap(LroPoller::seconds))
        .orElse(DEFAULT_DELAY);
  }

  private static Optional<Duration> millis(String value) {
    try {
      return Optional.of(Duration.ofMillis(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP-date; the default delay will do
    }
  }
}
