package dev.moat.sdk.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * What an example's replay runs against: one Moat, the minimal calls that create what the example
 * refers to, and the substitutions those calls make necessary (an identity's real principal id for
 * the example's made-up one).
 */
final class Replay {
  /** ARM's answers for a provider, namespace or type that is not registered. */
  private static final Set<String> NOT_SERVED =
      Set.of("NoRegisteredProviderFound", "InvalidResourceNamespace", "InvalidResourceType");

  /**
   * Resource types Moat may legitimately not serve (lower-case id fragment → why). A not-served
   * answer for any other type fails the test.
   */
  private static final Map<String, String> MAY_BE_UNSERVED =
      Map.of(
          "/providers/microsoft.containerservice/",
          "Moat does not serve this Microsoft.ContainerService type or api-version yet",
          "/providers/microsoft.network/privatelinkservices/",
          "Microsoft.Network/privateLinkServices is outside Moat's scope (the seed needs none)",
          "/providers/microsoft.network/publicipaddresses/",
          "Microsoft.Network/publicIPAddresses is outside Moat's scope (network-isolated clusters"
              + " have none)");

  private final TestMoat moat;
  private final Map<String, String> substitutions = new LinkedHashMap<>();

  Replay(TestMoat moat) {
    this.moat = moat;
  }

  TestMoat moat() {
    return moat;
  }

  String subscription() {
    return moat.subscriptionId();
  }

  Map<String, String> substitutions() {
    return substitutions;
  }

  /** Replaces {@code from} with {@code to} in every string of the example. */
  Replay substitute(String from, String to) {
    substitutions.put(from, to);
    return this;
  }

  /** {@code /subscriptions/{Moat's}/resourceGroups/{group}} + {@code rest}. */
  String in(String group, String rest) {
    return moat.groupPath(group) + rest;
  }

  void group(String name, String location) {
    put(moat.groupPath(name), "2025-04-01", "{\"location\":\"" + location + "\"}");
  }

  /** A user-assigned identity; returns its principal id. */
  String identity(String group, String name) {
    return put(
            in(group, "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name),
            "2024-11-30",
            "{\"location\":\"eastus\"}")
        .path("properties")
        .path("principalId")
        .asText();
  }

  /** A prerequisite PUT that must succeed; waits for its operation and returns the final GET. */
  JsonNode put(String path, String apiVersion, String body) {
    ArmResult r = moat.arm().put(path, apiVersion, body);
    skipIfUnserved(path, r);
    assertThat(r.status())
        .as("prerequisite PUT %s?api-version=%s %s -> %s", path, apiVersion, body, r)
        .isBetween(200, 202);
    awaitCompletion(r);
    return moat.arm().get(path, apiVersion).expectStatus(200).body();
  }

  /** Skips (with the reason) when Moat answers that it does not serve a type it may not serve. */
  static void skipIfUnserved(String path, ArmResult r) {
    if (r.status() < 400 || !NOT_SERVED.contains(r.errorCode())) {
      return;
    }
    String lower = path.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : MAY_BE_UNSERVED.entrySet()) {
      if (lower.contains(e.getKey())) {
        Assumptions.abort(
            e.getValue()
                + ": Moat answered "
                + r.status()
                + " "
                + r.errorCode()
                + " ("
                + r.errorMessage()
                + ") to "
                + path);
      }
    }
  }

  /**
   * Follows a long-running operation to its end: {@code Azure-AsyncOperation} until a terminal
   * status (which must be Succeeded), else a 202's {@code Location} until it stops answering 202.
   * Returns the final operation status body, if there was one.
   */
  Optional<JsonNode> awaitCompletion(ArmResult started) {
    if (started.header("Azure-AsyncOperation").isPresent()) {
      JsonNode status = moat.arm().awaitOperation(started);
      assertThat(status.path("status").asText())
          .as("operation status %s", status)
          .isEqualTo("Succeeded");
      return Optional.of(status);
    }
    Optional<String> location = started.header("Location");
    if (started.status() == 202 && location.isPresent()) {
      AtomicReference<ArmResult> last = new AtomicReference<>();
      Awaitility.await("Location " + location.get())
          .atMost(TestMoat.timeout())
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                last.set(moat.arm().getUrl(location.get()));
                return last.get().status() != 202;
              });
      assertThat(last.get().status())
          .as("final Location answer %s", last.get())
          .isBetween(200, 204);
    }
    return Optional.empty();
  }
}
