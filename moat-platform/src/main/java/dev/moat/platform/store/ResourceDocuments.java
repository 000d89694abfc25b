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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The table every provider's repository stores its records in: JSON documents keyed by resource id,
 * indexed by parent, group and subscription, plus the secondary keys a type declares ({@link
 * ResourceIndex}) in {@code resource_index}. Thread-safe; writes run in (or join) a transaction of
 * the {@link Database}, reads run on its read connections unless the caller is in a transaction.
 * Every committed write is published on {@link #changes()}, also to the other replicas sharing the
 * database ({@link Database#broadcast}), whose {@code changes()} publish it as a change made
 * elsewhere.
 *
 * <p>The SQL is the subset SQLite and PostgreSQL share ({@code INSERT ... ON CONFLICT DO UPDATE}),
 * so a PostgreSQL {@link Database} runs it unchanged.
 */
public final class ResourceDocuments {
  private static final String COLUMNS = "id, body, version, created_at, updated_at";
  private static final String R_COLUMNS = "r.id, r.body, r.version, r.created_at, r.updated_at";

  private final Database database;
  private final Clock clock;
  private final ResourceChanges changes = new ResourceChanges();

  public ResourceDocuments(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    database.onBroadcast(message -> changes.publishElsewhere(ResourceId.parse(message)));
  }

  public Database database() {
    return database;
  }

  /** Where committed writes and deletes are announced. */
  public ResourceChanges changes() {
    return changes;
  }

  /** Inserts or replaces the document; returns what was stored (with its new version). */
  public StoredResource put(ResourceId id, String body) {
    return put(id, body, Map.of());
  }

  /**
   * Inserts or replaces the document and sets its keys in each of the given indexes (qualified
   * index name to keys; an index not named keeps its keys), in one transaction.
   */
  public StoredResource put(ResourceId id, String body, Map<String, Set<String>> indexKeys) {
    StoredResource result =
        database.inTransaction(
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
                          + " ON CONFLICT (id_key) DO UPDATE SET id = excluded.id,"
                          + " body = excluded.body, version = excluded.version,"
                          + " updated_at = excluded.updated_at")) {
                s.setString(1, id.key());
                s.setString(2, id.toString());
                s.setString(3, id.type().key());
                s.setString(4, id.parent().map(ResourceId::key).orElse(""));
                s.setString(5, id.resourceGroupId().map(ResourceId::key).orElse(null));
                s.setString(6, id.subscriptionId().toLowerCase(Locale.ROOT));
                s.setString(7, body);
                s.setLong(8, stored.version());
                s.setString(9, stored.createdAt().toString());
                s.setString(10, stored.updatedAt().toString());
                s.executeUpdate();
              }
              for (Map.Entry<String, Set<String>> e : indexKeys.entrySet()) {
                setKeys(c, e.getKey(), id.key(), e.getValue());
              }
              database.broadcast(id.toString()); // to other replicas, when this commits
              return stored;
            });
    database.afterCommit(() -> changes.publish(id));
    return result;
  }

  /** Replaces a resource's keys in one index, touching only the rows that change. */
  private static void setKeys(Connection c, String index, String resourceKey, Set<String> keys)
      throws SQLException {
    Set<String> old = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT index_key FROM resource_index WHERE resource_key = ? AND index_name = ?")) {
      s.setString(1, resourceKey);
      s.setString(2, index);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          old.add(rs.getString(1));
        }
      }
    }
    if (old.equals(keys)) {
      return;
    }
    try (PreparedStatement del =
            c.prepareStatement(
                "DELETE FROM resource_index"
                    + " WHERE index_name = ? AND index_key = ? AND resource_key = ?");
        PreparedStatement ins =
            c.prepareStatement(
                "INSERT INTO resource_index (index_name, index_key, resource_key)"
                    + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (String k : old) {
        if (!keys.contains(k)) {
          del.setString(1, index);
          del.setString(2, k);
          del.setString(3, resourceKey);
          del.addBatch();
        }
      }
      for (String k : keys) {
        if (!old.contains(k)) {
          ins.setString(1, index);
          ins.setString(2, k);
          ins.setString(3, resourceKey);
          ins.addBatch();
        }
      }
      del.executeBatch();
      ins.executeBatch();
    }
  }

  public Optional<StoredResource> get(ResourceId id) {
    return database.read(c -> get(c, id));
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
        subscriptionId.toLowerCase(Locale.ROOT),
        type.key());
  }

  /** Every resource inside a resource group, of any type. */
  public List<StoredResource> listInGroup(ResourceId group) {
    return query(
        "SELECT " + COLUMNS + " FROM resources WHERE group_key = ? ORDER BY id_key", group.key());
  }

  /**
   * The resources whose keys in {@code index} (a qualified index name) include {@code key}, ordered
   * by id; reads only those rows.
   */
  public List<StoredResource> findBy(String index, String key) {
    return query(
        "SELECT "
            + R_COLUMNS
            + " FROM resource_index i JOIN resources r ON r.id_key = i.resource_key"
            + " WHERE i.index_name = ? AND i.index_key = ? ORDER BY r.id_key",
        index,
        ResourceIndex.normalise(key));
  }

  /** Whether any resource has {@code key} in {@code index}; reads no document. */
  public boolean anyBy(String index, String key) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT 1 FROM resource_index WHERE index_name = ? AND index_key = ? LIMIT 1")) {
            s.setString(1, index);
            s.setString(2, ResourceIndex.normalise(key));
            try (ResultSet rs = s.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /**
   * Makes sure {@code index} has keys for every stored resource of {@code type}: an index declared
   * after resources of its type were stored (an upgrade, a new index) is filled once, by decoding
   * each of them, and then recorded as built. Idempotent; cheap once built.
   */
  public void ensureIndexed(
      String index, ResourceType type, Function<StoredResource, Set<String>> keys) {
    database.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT 1 FROM resource_index_built WHERE index_name = ?")) {
            s.setString(1, index);
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                return null;
              }
            }
          }
          List<StoredResource> all;
          try (PreparedStatement s =
              c.prepareStatement("SELECT " + COLUMNS + " FROM resources WHERE type_key = ?")) {
            s.setString(1, type.key());
            all = read(s);
          }
          for (StoredResource r : all) {
            setKeys(c, index, r.id().key(), keys.apply(r));
          }
          try (PreparedStatement s =
              c.prepareStatement("INSERT INTO resource_index_built (index_name) VALUES (?)")) {
            s.setString(1, index);
            s.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Deletes the resource and everything below it (children, and extension resources scoped to it).
   * Returns how many documents were removed.
   */
  public int deleteTree(ResourceId id) {
    int removed =
        database.inTransaction(
            c -> {
              String like = escapeLike(id.key()) + "/%";
              try (PreparedStatement s =
                  c.prepareStatement(
                      "DELETE FROM resource_index"
                          + " WHERE resource_key = ? OR resource_key LIKE ? ESCAPE '!'")) {
                s.setString(1, id.key());
                s.setString(2, like);
                s.executeUpdate();
              }
              try (PreparedStatement s =
                  c.prepareStatement(
                      "DELETE FROM resources WHERE id_key = ? OR id_key LIKE ? ESCAPE '!'")) {
                s.setString(1, id.key());
                s.setString(2, like);
                int n = s.executeUpdate();
                if (n > 0) {
                  database.broadcast(id.toString()); // to other replicas, when this commits
                }
                return n;
              }
            });
    if (removed > 0) {
      database.afterCommit(() -> changes.publish(id));
    }
    return removed;
  }

  private static String escapeLike(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private List<StoredResource> query(String sql, String... args) {
    return database.read(
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
