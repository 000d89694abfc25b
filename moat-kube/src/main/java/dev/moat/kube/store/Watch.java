package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.Optional;

/**
 * An open watch: a pull-style stream of events for one kind and selection. Events matching the
 * selection arrive in resourceVersion order; an object that stops matching arrives as DELETED, one
 * that starts matching as ADDED (as the apiserver's filtered watch does). Used by one thread at a
 * time; {@link #close} may be called from any thread.
 */
public interface Watch<T extends HasMetadata> extends AutoCloseable {

  /**
   * The next event, waiting up to {@code timeout}; empty on timeout or when closed. Throws {@link
   * KubeException} 410 Expired if the watcher fell so far behind that events were dropped.
   */
  Optional<WatchEvent<T>> next(Duration timeout) throws InterruptedException;

  /** The resourceVersion of the last event delivered (or the start version). */
  long resourceVersion();

  boolean isClosed();

  @Override
  void close();
}
