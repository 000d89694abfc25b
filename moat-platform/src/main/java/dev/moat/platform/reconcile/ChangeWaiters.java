package dev.moat.platform.reconcile;

import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who waits for which resource to change, and when each resource last changed: the bookkeeping
 * behind {@link Outcome#awaitChange}. Waits are one-shot (a woken waiter registers again if it
 * still waits). Bounded: at most {@link #MAX_WAITERS} waiting resources (the oldest wait is dropped
 * and falls back to its timer) and the last {@link #MAX_REMEMBERED} change stamps. Thread-safe.
 */
final class ChangeWaiters {
  static final int MAX_WAITERS = 10_000;
  static final int MAX_REMEMBERED = 10_000;

  private long sequence;
  private final Map<ResourceId, Set<ResourceId>> waitersOf = new HashMap<>();
  private final LinkedHashMap<ResourceId, Set<ResourceId>> watchedBy = new LinkedHashMap<>();
  private final LinkedHashMap<ResourceId, Long> lastChange =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ResourceId, Long> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  /** A stamp to pass to {@link #await} for "changes after now". */
  synchronized long now() {
    return sequence;
  }

  /** Records that {@code changed} changed; returns the waiters to wake (no longer registered). */
  synchronized List<ResourceId> changed(ResourceId changed) {
    lastChange.remove(changed);
    lastChange.put(changed, ++sequence);
    Set<ResourceId> waiters = waitersOf.remove(changed);
    if (waiters == null) {
      return List.of();
    }
    for (ResourceId w : waiters) {
      forget(w);
    }
    return new ArrayList<>(waiters);
  }

  /**
   * Registers {@code waiter} to be woken by a change of any of {@code watched}; returns true
   * instead (registering nothing) when one of them already changed after {@code since}.
   */
  synchronized boolean await(ResourceId waiter, Set<ResourceId> watched, long since) {
    for (ResourceId w : watched) {
      Long at = lastChange.get(w);
      if (at != null && at > since) {
        return true;
      }
    }
    forget(waiter);
    watchedBy.put(waiter, new HashSet<>(watched));
    for (ResourceId w : watched) {
      waitersOf.computeIfAbsent(w, k -> new HashSet<>()).add(waiter);
    }
    if (watchedBy.size() > MAX_WAITERS) {
      forget(watchedBy.keySet().iterator().next());
    }
    return false;
  }

  /** Drops {@code waiter}'s registrations. */
  synchronized void forget(ResourceId waiter) {
    Set<ResourceId> watched = watchedBy.remove(waiter);
    if (watched == null) {
      return;
    }
    for (ResourceId w : watched) {
      Set<ResourceId> ws = waitersOf.get(w);
      if (ws != null) {
        ws.remove(waiter);
        if (ws.isEmpty()) {
          waitersOf.remove(w);
        }
      }
    }
  }

  synchronized int waiting() {
    return watchedBy.size();
  }
}
