package dev.moat.containerservice;

import dev.moat.platform.contracts.NodeBootstrapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A node bootstrapper that records what it was given and answers Ready or a chosen failure. */
final class RecordingNodes implements NodeBootstrapper {
  final List<NodeSpec> specs = new CopyOnWriteArrayList<>();
  volatile Function<NodeSpec, NodeOutcome> answer = s -> ready();

  static NodeOutcome ready() {
    return new NodeOutcome(true, 0, null, "Ready", List.of(), Duration.ofMillis(1));
  }

  static NodeOutcome failure(int exit, String name, String message) {
    return new NodeOutcome(false, exit, name, message, List.of(), Duration.ofMillis(1));
  }

  @Override
  public NodeOutcome bootstrap(NodeSpec spec) {
    specs.add(spec);
    return answer.apply(spec);
  }
}
