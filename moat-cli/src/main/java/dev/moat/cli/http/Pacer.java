package dev.moat.cli.http;

import java.time.Duration;

/**
 * Waits between LRO polls and shows az's progress indicator. Injected so tests never wait on the
 * wall clock.
 */
public interface Pacer {
  /** Waits {@code delay} before the next poll. */
  void pause(Duration delay);

  /** Called on every poll while an operation runs; draws the indicator where there is one. */
  void tick();

  /** Called when polling ends; clears the indicator. */
  void done();

  /** Sleeps for real; draws {@code - Running ..} on stderr only when it is a terminal. */
  static Pacer system(java.io.PrintStream err, boolean terminal) {
    return new Pacer() {
      private int ticks;

      @Override
      public void pause(Duration delay) {
        try {
          // Retry-After: 0 means "now"; a short floor keeps a fast server from being hammered.
          Thread.sleep(Math.max(delay.toMillis(), 50));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the operation", e);
        }
      }

      @Override
      public void tick() {
        if (terminal) {
          String dots = ".".repeat(2 + ticks++ % 4);
          err.print("\r- Running " + dots + "    ");
          err.flush();
        }
      }

      @Override
      public void done() {
        if (terminal && ticks > 0) {
          err.print("\r" + " ".repeat(20) + "\r");
          err.flush();
        }
      }
    };
  }
}
