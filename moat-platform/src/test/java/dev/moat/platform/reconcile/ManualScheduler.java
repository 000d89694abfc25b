package dev.moat.platform.reconcile;

import dev.moat.platform.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} that runs tasks only when a test advances its clock past them. */
public final class ManualScheduler implements Scheduler {
  private final MutableClock clock;
  private final List<Task> tasks = new ArrayList<>();

  private record Task(Instant due, Runnable runnable) {}

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void schedule(Runnable task, Duration delay) {
    tasks.add(new Task(clock.instant().plus(delay), task));
  }

  /** Advances the clock and runs every task that became due. */
  public void advance(Duration d) {
    clock.advance(d);
    List<Task> due = new ArrayList<>();
    synchronized (this) {
      tasks.removeIf(t -> !t.due().isAfter(clock.instant()) && due.add(t));
    }
    due.forEach(t -> t.runnable().run());
  }

  public synchronized int pending() {
    return tasks.size();
  }
}
