package dev.moat.platform.store;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table every provider's repository stores its records in: JSON documents keyed by resource id,
 * indexed by parent, group and subscription. Thread-safe; every method runs in (or joins) a
 * transaction of the {@link Database}.
 *
 * <p>The SQL is the subset SQLite and PostgreSQL share ({@code INSERT ... ON CONFLICT DO UPDATE}),
 * so a PostgreSQL {@link Database} runs it unchanged.
 */
public final class ResourceDocuments {
  private static final String COLUMNS = "id, body, version, created_at, updated_at";

  private final Database database;
  private final Clock clock;

  public ResourceDocuments(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public Database database() {
    return database;
  }

  /** Inserts or replaces the document; returns what was stored (with its new version). */
  public StoredResource put(ResourceId id, String body) {
    return database.inTransaction(
        c -> {
          Optional<StoredResource> existing = get(c, id);
          Instant now = clock.instant();
          StoredResource stored =
              new StoredResource(
                  id,
                  body,
                  existing.map(e -> e.version() + 1).orElse(1L),
                  existing.map(StoredResource::createdAt).orElse(now),
                  now);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO resources (id_key, id, type_key, parent_key, group_key,"
                      + " subscription, body, version, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (id_key) DO UPDATE SET id = excluded.id, body = excluded.body,"
                      + " version = excluded.version, updated_at = excluded.updated_at")) {
            s.setString(1, id.key());
            s.setString(2, id.toString());
            s.setString(3, id.type().key());
            s.setString(4, id.parent().map(ResourceId::key).orElse(""));
            s.setString(5, id.resourceGroupId().map(ResourceId::key).orElse(null));
            s.setString(6, id.subscriptionId().toLowerCase(java.util.Locale.ROOT));
            s.setString(7, body);
            s.setLong(8, stored.version());
            s.setString(9, stored.createdAt().toString());
            s.setString(10, stored.updatedAt().toString());
            s.executeUpdate();
          }
          return stored;
        });
  }

  public Optional<StoredResource> get(ResourceId id) {
    return database.inTransaction(c -> get(c, id));
  }

  private Optional<StoredResource> get(Connection c, ResourceId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + " FROM resources WHERE id_key = ?")) {
      s.setString(1, id.key());
      List<StoredResource> rows = read(s);
      return rows.stream().findFirst();
    }
  }

  /**
   * Resources of {@code type} directly under {@code parent} (a group, subscription or resource).
   */
  public List<StoredResource> listChildren(ResourceId parent, ResourceType type) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM resources WHERE parent_key = ? AND type_key = ? ORDER BY id_key",
        parent.key(),
        type.key());
  }

  /** Every resource of {@code type} in a subscription, at any depth. */
  public List<StoredResource> listInSubscription(String subscriptionId, ResourceType type) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM resources WHERE subscription = ? AND type_key = ? ORDER BY id_key",
        subscriptionId.toLowerCase(java.util.Locale.ROOT),
        type.key());
  }

  /** Every resource inside a resource group, of any type. */
  public List<StoredResource> listInGroup(ResourceId group) {
    return query(
        "SELECT " + COLUMNS + " FROM resources WHERE group_key = ? ORDER BY id_key", group.key());
  }

  /**
   * Deletes the resource and everything below it (children, and extension resources scoped to it).
   * Returns how many documents were removed.
   */
  public int deleteTree(ResourceId id) {
    return database.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM resources WHERE id_key = ? OR id_key LIKE ? ESCAPE '!'")) {
            s.setString(1, id.key());
            s.setString(2, escapeLike(id.key()) + "/%");
            return s.executeUpdate();
          }
        });
  }

  private static String escapeLike(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private List<StoredResource> query(String sql, String... args) {
    return database.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              s.setString(i + 1, args[i]);
            }
            return read(s);
          }
        });
  }

  private static List<StoredResource> read(PreparedStatement s) throws SQLException {
    List<StoredResource> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new StoredResource(
                ResourceId.parse(rs.getString(1)),
                rs.getString(2),
                rs.getLong(3),
                Instant.parse(rs.getString(4)),
                Instant.parse(rs.getString(5))));
      }
    }
    return out;
  }
}
