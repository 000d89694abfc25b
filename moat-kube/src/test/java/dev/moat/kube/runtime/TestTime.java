package dev.moat.kube.runtime;

import dev.moat.platform.reconcile.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock tests move by hand, and a scheduler whose tasks run when the clock passes their time. */
final class TestTime extends Clock implements Scheduler {
  private Instant now;
  private final List<Object[]> tasks = new ArrayList<>();

  TestTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public synchronized void schedule(Runnable task, Duration delay) {
    tasks.add(new Object[] {now.plus(delay), task});
  }

  /** Moves the clock and runs every task now due. */
  void advance(Duration d) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      now = now.plus(d);
      tasks.removeIf(
          t -> {
            if (!((Instant) t[0]).isAfter(now)) {
              due.add((Runnable) t[1]);
              return true;
            }
            return false;
          });
    }
    due.forEach(Runnable::run);
  }
}
