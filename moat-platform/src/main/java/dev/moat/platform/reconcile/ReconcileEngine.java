package dev.moat.platform.reconcile;

import dev.moat.platform.error.ArmError;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconcilers for resources put on its keyed work queue and derives the status of their
 * long-running operations from the outcome.
 *
 * <p>A resource is reconciled by at most one worker at a time; enqueues during a run coalesce into
 * one more run. Only operations that were in progress when a run started are completed by it, so an
 * update that arrives mid-run is completed by the run that sees it. On {@link #start()}, every
 * resource with an in-progress operation is enqueued again: that is how work survives a restart.
 *
 * <p>Work is event-driven: a reconciler that waits for other resources returns {@link
 * Outcome#awaitChange} and is enqueued again when one of them changes ({@link #changed}, fed by the
 * store's after-commit notifications), with a timer only as a fallback. A timer set by one run is
 * dropped when a later run of the same resource has happened, so stale timers do not add runs.
 *
 * <p>Replicas sharing a database share the work through {@link WorkLeases}: a run starts only once
 * this replica holds the resource's lease, which it keeps (renewed every {@link #RENEW_EVERY})
 * until the resource has no operation in progress. Every {@link #SCAN_EVERY} it looks for work no
 * live lease covers (a dead replica's, or work whose enqueue lost a race with a release) and
 * enqueues it. A single server's leases are {@link WorkLeases#local()}: no timers, no extra
 * queries.
 */
public final class ReconcileEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileEngine.class);

  private final Map<ResourceType, Reconciler> reconcilers = new ConcurrentHashMap<>();
  private final OperationRepository operations;
  private final Scheduler scheduler;
  private final RetryPolicy retryPolicy;
  private final int workerCount;
  private final WorkQueue<ResourceId> queue = new WorkQueue<>();
  private final Map<ResourceId, Integer> failedAttempts = new ConcurrentHashMap<>();
  private final List<Thread> workers = new ArrayList<>();
  private final ChangeWaiters waiters = new ChangeWaiters();
  private final Map<ResourceId, Long> runCounts = new ConcurrentHashMap<>();
  private final WorkLeases leases;
  private volatile boolean closed;

  /** How often held leases are renewed (a third of the default lease lifetime). */
  static final Duration RENEW_EVERY = Duration.ofSeconds(3);

  /** How often unclaimed work is looked for. */
  static final Duration SCAN_EVERY = Duration.ofSeconds(2);

  public ReconcileEngine(
      OperationRepository operations,
      Scheduler scheduler,
      RetryPolicy retryPolicy,
      int workerCount) {
    this(operations, scheduler, retryPolicy, workerCount, WorkLeases.local());
  }

  /** An engine sharing its work with other replicas through {@code leases}. */
  public ReconcileEngine(
      OperationRepository operations,
      Scheduler scheduler,
      RetryPolicy retryPolicy,
      int workerCount,
      WorkLeases leases) {
    this.leases = leases;
    this.operations = operations;
    this.scheduler = scheduler;
    this.retryPolicy = retryPolicy;
    this.workerCount = workerCount;
  }

  /**
   * Adds the reconciler for one resource type; call before {@link #start()} (providers need the
   * engine to exist before their reconcilers do).
   */
  public void register(Reconciler reconciler) {
    if (reconcilers.putIfAbsent(reconciler.type(), reconciler) != null) {
      throw new IllegalArgumentException("two reconcilers for " + reconciler.type());
    }
  }

  /** Starts the workers and resumes every operation left in progress. */
  public synchronized void start() {
    for (int i = 0; i < workerCount; i++) {
      Thread t = new Thread(this::work, "moat-reconcile-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
    operations.allInProgress().forEach(op -> enqueue(op.resourceId()));
    if (leases.shared()) {
      scheduler.schedule(this::renewLeases, RENEW_EVERY);
      scheduler.schedule(this::scanForWork, SCAN_EVERY);
    }
  }

  private void renewLeases() {
    if (closed) {
      return;
    }
    try {
      leases.renew();
    } catch (RuntimeException e) {
      LOG.warn("cannot renew work leases (will retry)", e);
    }
    scheduler.schedule(this::renewLeases, RENEW_EVERY);
  }

  private void scanForWork() {
    if (closed) {
      return;
    }
    try {
      leases.unclaimedWork().forEach(this::enqueue);
    } catch (RuntimeException e) {
      LOG.warn("cannot look for unclaimed work (will retry)", e);
    }
    scheduler.schedule(this::scanForWork, SCAN_EVERY);
  }

  /**
   * Tells the engine that another replica committed a change of {@code id}: if this replica holds
   * its lease, the change may be a new operation for the run in progress here, so run it again.
   * (Waiters are woken by {@link #changed}, which sees local and remote changes alike.)
   */
  public void changedElsewhere(ResourceId id) {
    if (leases.shared() && leases.holds(id)) {
      enqueue(id);
    }
  }

  /** Asks for {@code id} to be reconciled soon. Safe from any thread. */
  public void enqueue(ResourceId id) {
    queue.add(id);
  }

  /**
   * Tells the engine that {@code id} changed (was written or deleted, and committed); wakes every
   * resource waiting for it. Cheap and non-blocking: safe from a commit hook.
   */
  public void changed(ResourceId id) {
    waiters.changed(id).forEach(this::enqueue);
  }

  /** How many resources wait for a change of another one (for tests and diagnostics). */
  public int waitingForChanges() {
    return waiters.waiting();
  }

  private void work() {
    try {
      for (Optional<ResourceId> next = queue.take(); next.isPresent(); next = queue.take()) {
        ResourceId id = next.get();
        try {
          runOnce(id);
        } finally {
          queue.done(id);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runOnce(ResourceId id) {
    if (!claim(id)) {
      return; // another replica reconciles it; it is found again if that replica dies
    }
    Reconciler reconciler = reconcilers.get(id.type());
    List<String> pending = operations.inProgress(id).stream().map(Operation::id).toList();
    if (reconciler == null) {
      complete(id, pending, Outcome.done(), 0, 0);
      return;
    }
    long run = runCounts.merge(id, 1L, Long::sum);
    long since = waiters.now();
    waiters.forget(id);
    Outcome outcome;
    try {
      outcome = reconciler.reconcile(id);
      failedAttempts.remove(id);
    } catch (RuntimeException e) {
      int attempt = failedAttempts.merge(id, 1, Integer::sum);
      if (attempt < retryPolicy.maxAttempts()) {
        LOG.warn("reconcile of {} failed (attempt {}), retrying", id, attempt, e);
        scheduler.schedule(() -> enqueue(id), retryPolicy.delayBefore(attempt));
        return;
      }
      LOG.error("reconcile of {} failed {} times, giving up", id, attempt, e);
      failedAttempts.remove(id);
      outcome = Outcome.failed(CommonError.INTERNAL_ERROR.error());
    }
    complete(id, pending, outcome, run, since);
  }

  private boolean claim(ResourceId id) {
    try {
      if (leases.claim(id)) {
        return true;
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot claim {} (will retry)", id, e);
      scheduler.schedule(() -> enqueue(id), RENEW_EVERY);
      return false;
    }
    runCounts.remove(id);
    waiters.forget(id);
    return false;
  }

  /** Gives up the lease of a resource whose operations ended, unless another one arrived. */
  private void release(ResourceId id) {
    if (!leases.shared()) {
      return;
    }
    if (!operations.inProgress(id).isEmpty()) {
      enqueue(id); // an operation started on another replica while this run finished
      return;
    }
    leases.release(id);
  }

  private void complete(
      ResourceId id, List<String> pending, Outcome outcome, long run, long since) {
    if (outcome instanceof Outcome.RequeueAfter r) {
      scheduleRun(id, run, r.delay());
    } else if (outcome instanceof Outcome.AwaitChange a) {
      if (waiters.await(id, a.watched(), since)) {
        enqueue(id); // one of them changed while this run looked at it
      } else {
        scheduleRun(id, run, a.atMost());
      }
    } else {
      runCounts.remove(id);
      if (outcome instanceof Outcome.Failed f) {
        operations.complete(pending, OperationStatus.Failed, f.error());
      } else {
        operations.complete(pending, OperationStatus.Succeeded, (ArmError) null);
      }
      release(id);
    }
  }

  /** Enqueues {@code id} after {@code delay} unless it has run again since run {@code run}. */
  private void scheduleRun(ResourceId id, long run, Duration delay) {
    scheduler.schedule(
        () -> {
          Long latest = runCounts.get(id);
          if (latest != null && latest == run) {
            enqueue(id);
          }
        },
        delay);
  }

  @Override
  public synchronized void close() {
    closed = true;
    queue.shutDown();
    for (Thread t : workers) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
    if (leases.shared()) {
      try {
        leases.releaseAll(); // a clean stop hands its work over at once
      } catch (RuntimeException e) {
        LOG.warn("cannot release work leases; they expire on their own", e);
      }
    }
  }
}
