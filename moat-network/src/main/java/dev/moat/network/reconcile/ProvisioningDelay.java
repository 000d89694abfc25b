package dev.moat.network.reconcile;

import dev.moat.network.model.Pending;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How long a pending change must still wait before the reconciler may finish it. */
public final class ProvisioningDelay {
  private final Clock clock;
  private final Duration delay;

  public ProvisioningDelay(Clock clock, Duration delay) {
    this.clock = clock;
    this.delay = delay;
  }

  /** Empty when the change is due now. */
  public Optional<Duration> remaining(Pending pending) {
    Instant due = pending.since().plus(delay);
    Instant now = clock.instant();
    return now.isBefore(due) ? Optional.of(Duration.between(now, due)) : Optional.empty();
  }

  public Instant now() {
    return clock.instant();
  }
}
