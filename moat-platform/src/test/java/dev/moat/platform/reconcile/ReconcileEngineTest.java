package dev.moat.platform.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.store.SqliteDatabase;
import dev.moat.platform.time.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileEngineTest {
  private static final ResourceType TYPE = ResourceType.of("Moat.Test/widgets");
  private static final ResourceId ID =
      ResourceId.parse("/subscriptions/s/resourceGroups/rg/providers/Moat.Test/widgets/w1");

  @TempDir Path dir;
  private SqliteDatabase database;
  private MutableClock clock;
  private ManualScheduler scheduler;
  private OperationRepository operations;
  private ReconcileEngine engine;
  private final ScriptedReconciler reconciler = new ScriptedReconciler();

  @BeforeEach
  void setUp() {
    database = SqliteDatabase.open(dir.resolve("test.db"), false);
    clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    scheduler = new ManualScheduler(clock);
    operations = new OperationRepository(database, clock);
    engine = newEngine();
  }

  private ReconcileEngine newEngine() {
    ReconcileEngine e =
        new ReconcileEngine(
            operations,
            scheduler,
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)),
            1);
    e.register(reconciler);
    return e;
  }

  @AfterEach
  void tearDown() {
    engine.close();
    database.close();
  }

  @Test
  void doneSucceedsThePendingOperation() {
    reconciler.script(Outcome::done);
    Operation op = operations.start(ID, "Create");
    engine.start(); // resumes the in-progress operation: one run, no explicit enqueue
    awaitStatus(op, OperationStatus.Succeeded);
    assertThat(operations.find(op.id()).orElseThrow().endTime()).isEqualTo(clock.instant());
  }

  @Test
  void requeueKeepsTheOperationRunningUntilTheSchedulerFires() {
    reconciler.script(() -> Outcome.requeueAfter(Duration.ofSeconds(5)), Outcome::done);
    Operation op = operations.start(ID, "Create");
    engine.start(); // resumes the in-progress operation: one run, no explicit enqueue
    await().until(() -> scheduler.pending() == 1);
    assertThat(operations.find(op.id()).orElseThrow().status())
        .isEqualTo(OperationStatus.InProgress);
    scheduler.advance(Duration.ofSeconds(4));
    assertThat(operations.find(op.id()).orElseThrow().status())
        .isEqualTo(OperationStatus.InProgress);
    scheduler.advance(Duration.ofSeconds(1));
    awaitStatus(op, OperationStatus.Succeeded);
  }

  @Test
  void failedOutcomeFailsTheOperationWithItsError() {
    reconciler.script(() -> Outcome.failed(CommonError.CONFLICT.error("it broke")));
    Operation op = operations.start(ID, "Create");
    engine.start(); // resumes the in-progress operation: one run, no explicit enqueue
    awaitStatus(op, OperationStatus.Failed);
    assertThat(operations.find(op.id()).orElseThrow().error().message()).isEqualTo("it broke");
  }

  @Test
  void exceptionsAreRetriedWithBackoffThenFailAsInternalError() {
    reconciler.script(
        () -> {
          throw new IllegalStateException("boom");
        });
    Operation op = operations.start(ID, "Create");
    engine.start(); // resumes the in-progress operation: one run, no explicit enqueue
    await().until(() -> reconciler.calls.get() == 1 && scheduler.pending() == 1);
    scheduler.advance(Duration.ofSeconds(1));
    await().until(() -> reconciler.calls.get() == 2 && scheduler.pending() == 1);
    scheduler.advance(Duration.ofSeconds(2));
    awaitStatus(op, OperationStatus.Failed);
    assertThat(reconciler.calls.get()).isEqualTo(3);
    assertThat(operations.find(op.id()).orElseThrow().error().code())
        .isEqualTo("InternalServerError");
  }

  @Test
  void anOperationStartedDuringARunIsLeftForTheNextRun() {
    Operation[] second = new Operation[1];
    reconciler.script(
        () -> {
          second[0] = operations.start(ID, "Update");
          engine.enqueue(ID);
          return Outcome.done();
        },
        () -> Outcome.requeueAfter(Duration.ofMinutes(1)));
    Operation first = operations.start(ID, "Create");
    engine.start(); // resumes the in-progress operation: one run, no explicit enqueue
    awaitStatus(first, OperationStatus.Succeeded);
    await().until(() -> reconciler.calls.get() == 2);
    assertThat(operations.find(second[0].id()).orElseThrow().status())
        .isEqualTo(OperationStatus.InProgress);
  }

  @Test
  void startResumesOperationsLeftInProgress() {
    Operation op = operations.start(ID, "Delete");
    reconciler.script(Outcome::done);
    engine.start();
    awaitStatus(op, OperationStatus.Succeeded);
  }

  private static final ResourceId OTHER =
      ResourceId.parse("/subscriptions/s/resourceGroups/rg/providers/Moat.Test/gadgets/g1");

  @Test
  void aChangeOfAWatchedResourceWakesTheWaiterBeforeItsTimer() {
    reconciler.script(
        () -> Outcome.awaitChange(java.util.List.of(OTHER), Duration.ofMinutes(5)), Outcome::done);
    Operation op = operations.start(ID, "Create");
    engine.start();
    await().until(() -> engine.waitingForChanges() == 1);
    engine.changed(ID); // not what it waits for
    assertThat(engine.waitingForChanges()).isEqualTo(1);
    engine.changed(OTHER);
    awaitStatus(op, OperationStatus.Succeeded);
    assertThat(reconciler.calls.get()).isEqualTo(2);
    assertThat(engine.waitingForChanges()).isZero();
  }

  @Test
  void aChangeDuringTheRunThatStartsTheWaitIsNotMissed() {
    reconciler.script(
        () -> {
          engine.changed(OTHER); // commits while the reconciler is looking at it
          return Outcome.awaitChange(java.util.List.of(OTHER), Duration.ofMinutes(5));
        },
        Outcome::done);
    Operation op = operations.start(ID, "Create");
    engine.start();
    awaitStatus(op, OperationStatus.Succeeded);
    assertThat(engine.waitingForChanges()).isZero();
  }

  @Test
  void theTimerEndsAWaitNobodyWakesAndIsDroppedOnceTheResourceRanAgain() {
    reconciler.script(
        () -> Outcome.awaitChange(java.util.List.of(OTHER), Duration.ofSeconds(30)), Outcome::done);
    Operation op = operations.start(ID, "Create");
    engine.start();
    await().until(() -> scheduler.pending() == 1);
    scheduler.advance(Duration.ofSeconds(30));
    awaitStatus(op, OperationStatus.Succeeded);
    assertThat(reconciler.calls.get()).isEqualTo(2);

    // A timer left by a run is dropped when the resource has run again since.
    reconciler.script(() -> Outcome.requeueAfter(Duration.ofSeconds(10)), Outcome::done);
    engine.enqueue(ID);
    await().until(() -> reconciler.calls.get() == 3 && scheduler.pending() == 1);
    engine.enqueue(ID);
    await().until(() -> reconciler.calls.get() == 4);
    scheduler.advance(Duration.ofSeconds(10));
    // A negative check: on a slow machine it may miss a bug, but it never fails a correct engine.
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> reconciler.calls.get() == 4);
  }

  @Test
  void workLeasedByAnotherReplicaRunsHereOnlyOnceItsLeaseExpires() {
    DatabaseWorkLeases other =
        new DatabaseWorkLeases(database, clock, "other", Duration.ofSeconds(10));
    DatabaseWorkLeases mine =
        new DatabaseWorkLeases(database, clock, "mine", Duration.ofSeconds(10));
    engine.close();
    engine =
        new ReconcileEngine(
            operations,
            scheduler,
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)),
            1,
            mine);
    engine.register(reconciler);
    reconciler.script(Outcome::done);
    Operation op = operations.start(ID, "Create");
    assertThat(other.claim(ID)).isTrue(); // the other replica took it, then stopped renewing

    engine.start();
    scheduler.advance(ReconcileEngine.SCAN_EVERY); // its lease is live: not this replica's work
    assertThat(mine.unclaimedWork()).isEmpty();
    assertThat(operations.find(op.id()).orElseThrow().status())
        .isEqualTo(OperationStatus.InProgress);

    scheduler.advance(Duration.ofSeconds(10)); // expired: the next scan takes it over
    awaitStatus(op, OperationStatus.Succeeded);
    assertThat(reconciler.calls.get()).isEqualTo(1);
    await().until(() -> other.claim(ID)); // released once its operations ended
  }

  private void awaitStatus(Operation op, OperationStatus status) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> operations.find(op.id()).orElseThrow().status() == status);
  }

  /** Returns scripted outcomes in order, repeating the last. */
  private static final class ScriptedReconciler implements Reconciler {
    private final Deque<Supplier<Outcome>> script = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();

    synchronized void script(Supplier<Outcome> first, Supplier<Outcome> second) {
      script.clear();
      script.add(first);
      script.add(second);
    }

    synchronized void script(Supplier<Outcome> only) {
      script.clear();
      script.add(only);
    }

    @Override
    public ResourceType type() {
      return TYPE;
    }

    @Override
    public Outcome reconcile(ResourceId id) {
      Supplier<Outcome> next;
      synchronized (this) {
        next = script.size() > 1 ? script.poll() : script.peek();
      }
      calls.incrementAndGet();
      return next.get();
    }
  }
}
