package dev.moat.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.platform.id.ResourceId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' stores on one PostgreSQL database: a committed write on one is published on the
 * other as a change made elsewhere (LISTEN/NOTIFY), never on its own replica as one, and a rolled
 * back write is published nowhere. Skipped when no PostgreSQL server is reachable.
 */
class PostgresChangeBroadcastTest {
  private static final ResourceId GROUP = ResourceId.parse("/subscriptions/s/resourceGroups/rg1");
  private static final ResourceId ROLLED_BACK =
      ResourceId.parse("/subscriptions/s/resourceGroups/never");

  private String server;
  private String name;
  private PostgresDatabase a;
  private PostgresDatabase b;

  @BeforeEach
  void open() {
    server =
        System.getenv().getOrDefault("MOAT_TEST_POSTGRES", PostgresResourceDocumentsTest.DEFAULT);
    name = "moat_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      Assumptions.abort(
          "no PostgreSQL server at "
              + PostgresDatabase.Target.parse(server).redacted()
              + " ("
              + e.getMessage()
              + ")");
    }
    String url = PostgresResourceDocumentsTest.withDatabase(server, name);
    a = PostgresDatabase.open(url, 3);
    b = PostgresDatabase.open(url, 3);
  }

  @AfterEach
  void drop() throws SQLException {
    if (a == null) {
      return;
    }
    a.close();
    b.close();
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  @Test
  void aCommittedWriteIsPublishedOnTheOtherReplicaAsAChangeMadeElsewhere() {
    ResourceDocuments onA = new ResourceDocuments(a, Clock.systemUTC());
    ResourceDocuments onB = new ResourceDocuments(b, Clock.systemUTC());
    List<ResourceId> elsewhereOnA = new CopyOnWriteArrayList<>();
    List<ResourceId> elsewhereOnB = new CopyOnWriteArrayList<>();
    List<ResourceId> anyOnB = new CopyOnWriteArrayList<>();
    onA.changes().subscribeElsewhere(elsewhereOnA::add);
    onB.changes().subscribeElsewhere(elsewhereOnB::add);
    onB.changes().subscribe(anyOnB::add);

    try {
      a.run(
          c -> {
            onA.put(ROLLED_BACK, "{}");
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the write and its notification are gone
    }
    onA.put(GROUP, "{\"location\":\"eastus\"}");

    await().atMost(Duration.ofSeconds(60)).until(() -> elsewhereOnB.contains(GROUP));
    assertThat(anyOnB).contains(GROUP); // plain subscribers hear other replicas' changes too
    // Delivery is in commit order, so by now the rolled-back write would have arrived first.
    assertThat(elsewhereOnB).doesNotContain(ROLLED_BACK);

    onB.deleteTree(GROUP);
    await().atMost(Duration.ofSeconds(60)).until(() -> elsewhereOnA.contains(GROUP));
    assertThat(elsewhereOnA).containsExactly(GROUP); // A never hears its own write as elsewhere
  }

  private Connection admin() throws SQLException {
    PostgresDatabase.Target t = PostgresDatabase.Target.parse(server);
    return DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password());
  }
}
