package dev.moat.platform.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL store against the shared contract. Each test gets a database of its own, created
 * on the server named by {@code MOAT_TEST_POSTGRES} (default {@value #DEFAULT}) and dropped after;
 * with no server reachable the tests are skipped with a message saying so (`.ci/run` starts one).
 */
class PostgresResourceDocumentsTest extends ResourceDocumentsContract {
  static final String DEFAULT = "postgresql://moat:moat@127.0.0.1:5432/postgres";

  private String server;
  private String name;

  @Override
  protected Database newDatabase() {
    server = System.getenv().getOrDefault("MOAT_TEST_POSTGRES", DEFAULT);
    name = "moat_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = admin(server)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      Assumptions.abort(
          "no PostgreSQL server at "
              + PostgresDatabase.Target.parse(server).redacted()
              + " ("
              + e.getMessage()
              + "); set MOAT_TEST_POSTGRES or start one (.ci/run does)");
    }
    return PostgresDatabase.open(withDatabase(server, name), 4);
  }

  @Override
  protected Database reopen() {
    database.close();
    return PostgresDatabase.open(withDatabase(server, name), 4);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database == null) {
      return; // aborted before a database existed: no server
    }
    database.close(); // the pool first, so the drop finds no sessions to end
    try (Connection c = admin(server);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name.toLowerCase(Locale.ROOT) + " WITH (FORCE)");
    }
  }

  private static Connection admin(String url) throws SQLException {
    PostgresDatabase.Target t = PostgresDatabase.Target.parse(url);
    return DriverManager.getConnection(t.jdbcUrl(), t.user(), t.password());
  }

  /** The same server URL naming another database. */
  static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String rest = query < 0 ? "" : url.substring(query);
    int slash = base.indexOf('/', base.indexOf("//") + 2);
    return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + rest;
  }
}
