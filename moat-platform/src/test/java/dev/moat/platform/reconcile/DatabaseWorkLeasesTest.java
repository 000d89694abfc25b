package dev.moat.platform.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.SqliteDatabase;
import dev.moat.platform.time.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas' leases on one database, with an injected clock: a lease is exclusive while it is
 * renewed, passes to another replica once it expires, and a replica whose lease was taken over
 * stops claiming it. The same SQL runs on PostgreSQL (TeamServerTest exercises that end to end).
 */
class DatabaseWorkLeasesTest {
  private static final Duration TTL = Duration.ofSeconds(10);
  private static final ResourceId CLUSTER =
      ResourceId.parse(
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c");

  @TempDir Path dir;
  private SqliteDatabase database;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
  private DatabaseWorkLeases a;
  private DatabaseWorkLeases b;
  private OperationRepository operations;

  @BeforeEach
  void open() {
    database = SqliteDatabase.open(dir.resolve("moat.db"), false);
    a = new DatabaseWorkLeases(database, clock, "replica-a", TTL);
    b = new DatabaseWorkLeases(database, clock, "replica-b", TTL);
    operations = new OperationRepository(database, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aLeaseIsExclusiveWhileRenewedAndPassesOnWhenItExpires() {
    assertThat(a.claim(CLUSTER)).isTrue();
    assertThat(b.claim(CLUSTER)).isFalse();
    assertThat(a.holds(CLUSTER)).isTrue();
    assertThat(b.holds(CLUSTER)).isFalse();

    clock.advance(Duration.ofSeconds(7));
    assertThat(a.renew()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(7)); // 14 s after the claim, 7 s after the renewal
    assertThat(b.claim(CLUSTER)).isFalse();

    clock.advance(Duration.ofSeconds(4)); // A stopped renewing (it died): the lease expired
    assertThat(b.claim(CLUSTER)).isTrue();
    assertThat(a.holds(CLUSTER)).isFalse(); // not renewed within its lifetime
    assertThat(a.claim(CLUSTER)).isFalse();
    assertThat(a.renew()).isZero(); // and a late renewal does not take it back
  }

  @Test
  void aReleasedLeaseCanBeClaimedAtOnce() {
    assertThat(a.claim(CLUSTER)).isTrue();
    a.release(CLUSTER);
    assertThat(b.claim(CLUSTER)).isTrue();
    b.releaseAll();
    assertThat(a.claim(CLUSTER)).isTrue();
  }

  @Test
  void workInProgressWithoutALiveLeaseIsUnclaimed() {
    operations.start(CLUSTER, "Create");
    assertThat(a.unclaimedWork()).containsExactly(CLUSTER);
    assertThat(a.claim(CLUSTER)).isTrue();
    assertThat(b.unclaimedWork()).isEmpty();
    clock.advance(TTL.plusSeconds(1));
    assertThat(b.unclaimedWork()).containsExactly(CLUSTER);
  }
}
