package dev.moat.sdk.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.server.MoatCloud;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays each of Azure's published {@code x-ms-examples} (under {@code arm-examples/}) against a
 * fresh in-process Moat and compares the answer with the example's response: the status code is one
 * the example lists (generated clients reject others), the {@code Azure-AsyncOperation} and {@code
 * Location} headers the example shows are there and lead to a successful end, and the body has
 * every field of the example's body, matched by {@link GoldenMatcher}'s rules. A PUT is then read
 * back: the GET must return what the PUT returned, twice.
 */
class GoldenExamplesTest {
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  static Stream<ArmExample> examples() {
    return ArmExample.all().stream();
  }

  @Test
  void everyExampleIsMappedToAnOperationAndASetup() {
    List<ArmExample> all = ArmExample.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(29);
    for (ArmExample e : all) {
      assertThat(e.operationId()).as("operationId of %s", e).isNotNull();
      assertThat(ExampleOperations.BY_ID)
          .as("operation table for %s", e)
          .containsKey(e.operationId());
      assertThat(ExampleSetups.BY_FILE).as("setup for %s", e).containsKey(e.fileName());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void replaysLikeTheExample(ArmExample published) {
    ExampleSetup setup = ExampleSetups.BY_FILE.get(published.fileName());
    try (TestMoat moat = TestMoat.start(MoatCloud::assemble)) {
      Replay replay = new Replay(moat);
      setup.prepare().accept(replay);
      ArmExample example = published.substituted(moat.subscriptionId(), replay.substitutions());
      ExampleOperations.Operation op = ExampleOperations.BY_ID.get(example.operationId());
      String path = path(op.template(), example.parameters());
      String body = null;
      JsonNode request = example.parameters();
      if (op.body().isPresent()) {
        ObjectNode b = (ObjectNode) example.parameters().path(op.body().get()).deepCopy();
        setup.requestPatch().accept(b);
        body = b.toString();
        request = request.deepCopy();
        ((ObjectNode) request).set(op.body().get(), b);
      }
      Set<String> echoes = ArmExample.strings(request);

      ArmResult actual = moat.arm().call(op.method(), path, example.apiVersion(), body);
      Replay.skipIfUnserved(path, actual);
      String call = op.method() + " " + path + "?api-version=" + example.apiVersion();
      List<String> codes = new ArrayList<>();
      example.responses().fieldNames().forEachRemaining(codes::add);
      assertThat(codes)
          .as("%s answered %s; the example allows only %s", call, actual, codes)
          .contains(String.valueOf(actual.status()));

      List<String> differences = new ArrayList<>();
      JsonNode expected = example.responses().path(String.valueOf(actual.status()));
      for (String header : List.of("Azure-AsyncOperation", "Location")) {
        if (hasHeader(expected.path("headers"), header)) {
          String value = actual.header(header).orElse(null);
          if (value == null || !value.startsWith(moat.endpoint() + "/")) {
            differences.add(
                "header " + header + ": expected an absolute URL on Moat, got " + value);
          }
        }
      }
      boolean asynchronous =
          actual.header("Azure-AsyncOperation").isPresent()
              || (actual.status() == 202 && actual.header("Location").isPresent());
      replay.awaitCompletion(actual);

      if (expected.has("body")) {
        differences.addAll(
            prefixed(
                "response body",
                GoldenMatcher.differences(
                    expected.path("body"),
                    actual.body(),
                    echoes,
                    setup.generated(),
                    actual.header("Azure-AsyncOperation").isPresent())));
      } else if (op.method().equals("PUT")) {
        // A 202 without a body: the resource the operation made must match the example's 200.
        JsonNode done = firstBody(example.responses());
        differences.addAll(
            prefixed(
                "GET after the operation",
                GoldenMatcher.differences(
                    done,
                    moat.arm().get(path, example.apiVersion()).expectStatus(200).body(),
                    echoes,
                    setup.generated(),
                    false)));
      }

      if (op.method().equals("PUT")) {
        ArmResult first = moat.arm().get(path, example.apiVersion());
        ArmResult second = moat.arm().get(path, example.apiVersion());
        if (first.status() != 200) {
          differences.add("GET after PUT answered " + first);
        } else {
          if (!first.body().equals(second.body())) {
            differences.add("two GETs differ: " + first.rawBody() + " vs " + second.rawBody());
          }
          if (!first.body().path("properties").path("provisioningState").isMissingNode()) {
            assertThat(first.body().path("properties").path("provisioningState").asText())
                .as("provisioningState after the operation: %s", first.rawBody())
                .isEqualTo("Succeeded");
          }
          if (actual.body().isObject()) {
            differences.addAll(
                prefixed(
                    "PUT body vs GET (round trip)",
                    RoundTrip.differences(actual.body(), first.body(), asynchronous)));
          }
        }
      } else if (op.method().equals("DELETE")) {
        assertThat(moat.arm().get(path, example.apiVersion()).status())
            .as("GET after DELETE")
            .isEqualTo(404);
      }

      assertThat(differences)
          .as(
              "%s (%s) differs from Azure's example %s; Moat answered %s",
              call, example.operationId(), published, actual)
          .isEmpty();
    }
  }

  /** The template with each {@code {name}} replaced by the example's parameter. */
  static String path(String template, JsonNode parameters) {
    Matcher m = PARAMETER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = parameters.path(m.group(1));
      assertThat(value.isTextual()).as("path parameter %s", m.group(1)).isTrue();
      m.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
    }
    m.appendTail(out);
    return out.toString().replace("//", "/");
  }

  private static boolean hasHeader(JsonNode headers, String name) {
    for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
      if (it.next().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode firstBody(JsonNode responses) {
    for (String code : List.of("200", "201")) {
      if (responses.path(code).has("body")) {
        return responses.path(code).path("body");
      }
    }
    throw new AssertionError("the example has no 200/201 body");
  }

  private static List<String> prefixed(String what, List<String> differences) {
    return differences.stream().map(d -> what + " " + d).toList();
  }
}
