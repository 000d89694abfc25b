package dev.moat.platform.kit;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.platform.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Drives a resource out of {@code Creating}/{@code Updating} to {@code Succeeded}, and out of
 * {@code Deleting} to gone, once the provisioning delay has passed: the whole reconciler of every
 * type that has no further work behind its ARM state (registries, cache rules, credential sets,
 * private zones, links). A type says how to read and finish its lifecycle with a {@link Lifecycle}.
 *
 * <p>Level-based: it reads the stored state afresh, in one transaction with its write, so a PUT
 * that lands meanwhile is never overwritten with older state.
 *
 * @param <T> the stored record
 */
public final class LifecycleReconciler<T> implements Reconciler {
  /** How the kit reads and finishes one type's provisioning state. */
  public interface Lifecycle<T> {
    /** Since when a create, update or delete has been pending; empty when the state is settled. */
    Optional<Instant> pendingSince(T resource);

    /** Whether the pending change is a delete. */
    boolean isDeleting(T resource);

    /**
     * The resource with its pending create or update finished ({@code Succeeded}) at {@code now}.
     */
    T succeeded(T resource, Instant now);

    /** A lifecycle from its three functions. */
    static <T> Lifecycle<T> of(
        Function<T, Optional<Instant>> pendingSince,
        Predicate<T> isDeleting,
        BiFunction<T, Instant, T> succeeded) {
      return new Lifecycle<>() {
        @Override
        public Optional<Instant> pendingSince(T resource) {
          return pendingSince.apply(resource);
        }

        @Override
        public boolean isDeleting(T resource) {
          return isDeleting.test(resource);
        }

        @Override
        public T succeeded(T resource, Instant now) {
          return succeeded.apply(resource, now);
        }
      };
    }
  }

  private final ResourceType type;
  private final Repository<T> store;
  private final Database database;
  private final Clock clock;
  private final Duration delay;
  private final Lifecycle<T> lifecycle;

  public LifecycleReconciler(
      ResourceType type,
      Repository<T> store,
      Database database,
      Clock clock,
      Duration delay,
      Lifecycle<T> lifecycle) {
    this.type = type;
    this.store = store;
    this.database = database;
    this.clock = clock;
    this.delay = delay;
    this.lifecycle = lifecycle;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    return database.inTransaction(c -> store.find(id).map(r -> step(id, r)).orElse(Outcome.done()));
  }

  private Outcome step(ResourceId id, T resource) {
    Optional<Instant> since = lifecycle.pendingSince(resource);
    if (since.isEmpty()) {
      return Outcome.done();
    }
    Instant due = since.get().plus(delay);
    Instant now = clock.instant();
    if (now.isBefore(due)) {
      return Outcome.requeueAfter(Duration.between(now, due));
    }
    if (lifecycle.isDeleting(resource)) {
      store.delete(id);
    } else {
      store.save(lifecycle.succeeded(resource, now));
    }
    return Outcome.done();
  }
}
