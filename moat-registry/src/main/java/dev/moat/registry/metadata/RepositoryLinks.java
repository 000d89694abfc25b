package dev.moat.registry.metadata;

import dev.moat.platform.store.Database;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Repositories and which blobs each may see (distribution's {@code _layers} links). A blob present
 * in the store but not linked to a repository is {@code BLOB_UNKNOWN} there. Thread-safe.
 */
public final class RepositoryLinks {
  private final Database db;
  private final Clock clock;

  public RepositoryLinks(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Creates the repository row if absent. Idempotent. */
  public void ensureRepository(RepositoryRef repo) {
    db.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO registry_repositories (registry, name, created_at) VALUES (?,?,?)"
                      + " ON CONFLICT DO NOTHING")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, clock.instant().toString());
            s.executeUpdate();
          }
          return null;
        });
  }

  /** Makes {@code digest} visible in {@code repo}. Idempotent. */
  public void link(RepositoryRef repo, Digest digest, long size) {
    db.run(
        c -> {
          ensureRepository(repo);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO registry_blob_links (registry, repository, digest, size)"
                      + " VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, digest.toString());
            s.setLong(4, size);
            s.executeUpdate();
          }
          return null;
        });
  }

  /** The size of a blob linked to {@code repo}, or empty when the repository may not see it. */
  public OptionalLong linked(RepositoryRef repo, Digest digest) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT size FROM registry_blob_links WHERE registry=? AND repository=? AND"
                      + " digest=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, digest.toString());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
          }
        });
  }

  /** Removes the link; true when there was one. The bytes stay for other repositories. */
  public boolean unlink(RepositoryRef repo, Digest digest) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM registry_blob_links WHERE registry=? AND repository=? AND"
                      + " digest=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, digest.toString());
            return s.executeUpdate() > 0;
          }
        });
  }

  public boolean repositoryExists(RepositoryRef repo) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT 1 FROM registry_repositories WHERE registry=? AND name=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            try (ResultSet r = s.executeQuery()) {
              return r.next();
            }
          }
        });
  }

  /** Repository names in lexical order after {@code last}, at most {@code limit}. */
  public List<RepositoryName> catalog(RegistryName registry, String last, int limit) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT name FROM registry_repositories WHERE registry=? AND name>? ORDER BY"
                      + " name LIMIT ?")) {
            s.setString(1, registry.value());
            s.setString(2, last == null ? "" : last);
            s.setInt(3, limit);
            List<RepositoryName> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(RepositoryName.of(r.getString(1)));
              }
            }
            return out;
          }
        });
  }
}
