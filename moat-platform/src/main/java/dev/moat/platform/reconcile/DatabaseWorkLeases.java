package dev.moat.platform.reconcile;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leases in the {@code work_leases} table, shared by every replica on one database.
 *
 * <p>A claim is one statement: insert the row, or take it over when it is this replica's already or
 * has expired ({@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}, which PostgreSQL and SQLite both
 * run atomically). Held leases are renewed together by one {@code UPDATE} on a timer; a replica
 * that stops renewing (killed, frozen, cut off from the database) loses them {@link #ttl} later. A
 * lease this replica has not managed to renew within its lifetime is treated as lost locally too,
 * so two replicas never both think they hold one for longer than a renewal period.
 *
 * <p>Expiry compares instants of the replicas' clocks: replicas must keep their clocks in sync
 * (NTP) to well within {@code ttl}. Thread-safe.
 */
public final class DatabaseWorkLeases implements WorkLeases {
  /** How long a lease lasts unless renewed; renewal runs every third of it. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

  private final Database database;
  private final Clock clock;
  private final String owner;
  private final Duration ttl;
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  /** Until when (epoch ms) every held lease is known to be ours: the last renewal plus ttl. */
  private volatile long validUntil;

  /**
   * @param owner this replica's id, unique among the replicas (a fresh UUID per process start)
   */
  public DatabaseWorkLeases(Database database, Clock clock, String owner, Duration ttl) {
    this.database = database;
    this.clock = clock;
    this.owner = owner;
    this.ttl = ttl;
  }

  public String owner() {
    return owner;
  }

  public Duration ttl() {
    return ttl;
  }

  @Override
  public boolean claim(String key) {
    long now = clock.millis();
    if (held.contains(key) && now < validUntil) {
      return true;
    }
    long expires = now + ttl.toMillis();
    int updated =
        database.inTransaction(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO work_leases (resource_key, owner, expires_at) VALUES (?, ?, ?)"
                          + " ON CONFLICT (resource_key) DO UPDATE"
                          + " SET owner = excluded.owner, expires_at = excluded.expires_at"
                          + " WHERE work_leases.owner = excluded.owner"
                          + " OR work_leases.expires_at < ?")) {
                s.setString(1, key);
                s.setString(2, owner);
                s.setLong(3, expires);
                s.setLong(4, now);
                return s.executeUpdate();
              }
            });
    if (updated == 0) {
      held.remove(key);
      return false;
    }
    if (held.isEmpty()) {
      validUntil = expires; // nothing else held: this claim alone sets the bound
    }
    held.add(key);
    return true;
  }

  @Override
  public boolean holds(String key) {
    return held.contains(key) && clock.millis() < validUntil;
  }

  @Override
  public void release(String key) {
    if (!held.remove(key)) {
      return;
    }
    database.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM work_leases WHERE resource_key = ? AND owner = ?")) {
            s.setString(1, key);
            s.setString(2, owner);
            return s.executeUpdate();
          }
        });
  }

  @Override
  public void releaseAll() {
    held.clear();
    database.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM work_leases WHERE owner = ?")) {
            s.setString(1, owner);
            return s.executeUpdate();
          }
        });
  }

  @Override
  public int renew() {
    long now = clock.millis();
    long expires = now + ttl.toMillis();
    Set<String> stillOurs =
        database.inTransaction(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement("UPDATE work_leases SET expires_at = ? WHERE owner = ?")) {
                // A row still naming this replica was never taken over (taking one renames its
                // owner), so even one past its expiry is safely renewed.
                s.setLong(1, expires);
                s.setString(2, owner);
                s.executeUpdate();
              }
              Set<String> keys = new HashSet<>();
              try (PreparedStatement s =
                  c.prepareStatement("SELECT resource_key FROM work_leases WHERE owner = ?")) {
                s.setString(1, owner);
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    keys.add(rs.getString(1));
                  }
                }
              }
              return keys;
            });
    // A lease another replica took over after it expired is no longer ours: forget it here.
    held.retainAll(stillOurs);
    validUntil = expires;
    return held.size();
  }

  @Override
  public List<ResourceId> unclaimedWork() {
    long now = clock.millis();
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT DISTINCT o.resource_id FROM operations o"
                      + " LEFT JOIN work_leases l ON l.resource_key = o.resource_key"
                      + " WHERE o.status = 'InProgress'"
                      + " AND (l.owner IS NULL OR l.expires_at < ?)")) {
            s.setLong(1, now);
            List<ResourceId> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(ResourceId.parse(rs.getString(1)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public boolean shared() {
    return true;
  }
}
