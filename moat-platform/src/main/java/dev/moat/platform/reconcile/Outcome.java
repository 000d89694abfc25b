package dev.moat.platform.reconcile;

import dev.moat.platform.error.ArmError;
import dev.moat.platform.id.ResourceId;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/** What a reconcile run achieved: the control value the engine acts on. */
public sealed interface Outcome {

  /** The resource reached its desired state; its pending operations succeed. */
  static Outcome done() {
    return Done.INSTANCE;
  }

  /** The resource is still converging; run again after {@code delay}. */
  static Outcome requeueAfter(Duration delay) {
    return new RequeueAfter(delay);
  }

  /**
   * The resource waits for other resources: run again as soon as any of {@code watched} changes (a
   * committed write or delete), and after {@code atMost} in any case. A change that happened during
   * the run that returned this also counts, so no change is missed.
   */
  static Outcome awaitChange(Collection<ResourceId> watched, Duration atMost) {
    return new AwaitChange(Set.copyOf(watched), atMost);
  }

  /**
   * The resource cannot reach its desired state; its pending operations fail with {@code error}.
   * The reconciler has already recorded the failure in the resource's status.
   */
  static Outcome failed(ArmError error) {
    return new Failed(error);
  }

  /** See {@link #done()}. */
  enum Done implements Outcome {
    INSTANCE
  }

  /** See {@link #requeueAfter(Duration)}. */
  record RequeueAfter(Duration delay) implements Outcome {}

  /** See {@link #awaitChange(Collection, Duration)}. */
  record AwaitChange(Set<ResourceId> watched, Duration atMost) implements Outcome {}

  /** See {@link #failed(ArmError)}. */
  record Failed(ArmError error) implements Outcome {}
}
