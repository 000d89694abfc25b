package dev.moat.platform.reconcile;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A keyed work queue with the semantics of client-go's and kubernetes-client's {@code
 * DefaultWorkQueue}: a key is processed by at most one worker at a time, and keys added while
 * queued or in processing are coalesced into one further run.
 */
final class WorkQueue<K> {
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private boolean shutDown;

  /** Marks {@code key} as needing a run. */
  synchronized void add(K key) {
    if (shutDown || !dirty.add(key) || processing.contains(key)) {
      return;
    }
    queue.add(key);
    notifyAll();
  }

  /** Blocks until a key is ready; empty once the queue is shut down. */
  synchronized Optional<K> take() throws InterruptedException {
    while (queue.isEmpty() && !shutDown) {
      wait();
    }
    if (shutDown) {
      return Optional.empty();
    }
    K key = queue.poll();
    processing.add(key);
    dirty.remove(key);
    return Optional.of(key);
  }

  /** Ends the run of {@code key}; requeues it if it was added meanwhile. */
  synchronized void done(K key) {
    processing.remove(key);
    if (dirty.contains(key)) {
      queue.add(key);
      notifyAll();
    }
  }

  synchronized void shutDown() {
    shutDown = true;
    notifyAll();
  }
}
