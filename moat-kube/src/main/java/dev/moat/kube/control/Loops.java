package dev.moat.kube.control;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** Makes the keyed loops of one cluster's components (shared executors, injected scheduler). */
@FunctionalInterface
public interface Loops {
  KeyedLoop create(String name, Function<String, Optional<Duration>> handler);
}
