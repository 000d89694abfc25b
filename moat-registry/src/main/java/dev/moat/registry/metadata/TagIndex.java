package dev.moat.registry.metadata;

import dev.moat.platform.store.Database;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.RepositoryRef;
import dev.moat.registry.model.Tag;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tags per repository, each pointing at a manifest of that repository. Thread-safe. */
public final class TagIndex {
  private final Database db;
  private final Clock clock;

  public TagIndex(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Points {@code tag} at {@code digest} (a manifest already in the repository). */
  public void put(RepositoryRef repo, Tag tag, Digest digest) {
    db.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO registry_tags (registry, repository, tag, digest, updated_at)"
                      + " VALUES (?,?,?,?,?) ON CONFLICT (registry, repository, tag) DO UPDATE"
                      + " SET digest=excluded.digest, updated_at=excluded.updated_at")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, tag.value());
            s.setString(4, digest.toString());
            s.setString(5, clock.instant().toString());
            s.executeUpdate();
          }
          return null;
        });
  }

  public Optional<Digest> resolve(RepositoryRef repo, Tag tag) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT digest FROM registry_tags WHERE registry=? AND repository=? AND tag=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, tag.value());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(Digest.parse(r.getString(1))) : Optional.empty();
            }
          }
        });
  }

  /** Tags in lexical order after {@code last}, at most {@code limit}. */
  public List<Tag> list(RepositoryRef repo, String last, int limit) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT tag FROM registry_tags WHERE registry=? AND repository=? AND tag>?"
                      + " ORDER BY tag LIMIT ?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, last == null ? "" : last);
            s.setInt(4, limit);
            List<Tag> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(Tag.of(r.getString(1)));
              }
            }
            return out;
          }
        });
  }

  public boolean delete(RepositoryRef repo, Tag tag) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM registry_tags WHERE registry=? AND repository=? AND tag=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, tag.value());
            return s.executeUpdate() > 0;
          }
        });
  }
}
