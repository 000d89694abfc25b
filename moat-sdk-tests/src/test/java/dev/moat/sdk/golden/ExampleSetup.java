package dev.moat.sdk.golden;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How one example is made replayable.
 *
 * @param prepare the minimal calls that create what the example refers to, plus the substitutions
 *     they need (e.g. a real principal id for the example's)
 * @param requestPatch a change to the example's request, only where the published example is
 *     inconsistent with its own response (each use says why); identity when none
 * @param generated response paths whose values the service generates and the example's setup cannot
 *     reproduce (path → why); any value of the same JSON type matches
 */
record ExampleSetup(
    Consumer<Replay> prepare, Consumer<ObjectNode> requestPatch, Map<String, String> generated) {

  static ExampleSetup of(Consumer<Replay> prepare) {
    return new ExampleSetup(prepare, body -> {}, Map.of());
  }

  ExampleSetup patchingRequest(Consumer<ObjectNode> patch) {
    return new ExampleSetup(prepare, patch, generated);
  }

  ExampleSetup generated(Map<String, String> paths) {
    return new ExampleSetup(prepare, requestPatch, paths);
  }
}
