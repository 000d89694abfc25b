package dev.moat.kube.store;

import dev.moat.kube.store.WatchEvent.Type;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A {@link Watch} reading the cluster's {@link WatchHub} with its own cursor. */
final class StoreWatch<T extends HasMetadata> implements Watch<T> {
  private final WatchHub hub;
  private final Kind<T> kind;
  private final ListOptions selection;
  private final Deque<WatchEvent<T>> initial;
  private volatile long cursor;
  private volatile boolean closed;

  StoreWatch(
      WatchHub hub, Kind<T> kind, ListOptions selection, long from, Deque<WatchEvent<T>> initial) {
    this.hub = hub;
    this.kind = kind;
    this.selection = selection;
    this.cursor = from;
    this.initial = new ArrayDeque<>(initial);
  }

  @Override
  public Optional<WatchEvent<T>> next(Duration timeout) throws InterruptedException {
    if (!initial.isEmpty()) {
      return Optional.of(initial.removeFirst());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      Optional<WatchHub.Entry> next = hub.after(cursor, Duration.ofNanos(left), () -> closed);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      WatchHub.Entry e = next.get();
      cursor = e.rv();
      Optional<Type> type = transition(e);
      if (type.isPresent()) {
        return Optional.of(new WatchEvent<>(type.get(), KubeJson.object(kind, e.text()), e.rv()));
      }
    }
    return Optional.empty();
  }

  /** The event type this selection sees for an entry, if any (after the apiserver's filter). */
  private Optional<Type> transition(WatchHub.Entry e) {
    if (!e.resource().equals(kind.resource())) {
      return Optional.empty();
    }
    if (selection.namespace().isPresent() && !selection.namespace().get().equals(e.namespace())) {
      return Optional.empty();
    }
    boolean now = WatchHub.matches(e.now(), selection);
    return switch (e.type()) {
      case ADDED, DELETED, BOOKMARK -> now ? Optional.of(e.type()) : Optional.empty();
      case MODIFIED -> {
        boolean before = e.before() != null && WatchHub.matches(e.before(), selection);
        if (now && before) {
          yield Optional.of(Type.MODIFIED);
        } else if (now) {
          yield Optional.of(Type.ADDED);
        } else if (before) {
          yield Optional.of(Type.DELETED);
        }
        yield Optional.empty();
      }
    };
  }

  @Override
  public long resourceVersion() {
    return cursor;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    hub.wake();
  }
}
