package dev.moat.registry.metadata;

import dev.moat.platform.store.Database;
import dev.moat.registry.model.RepositoryRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.UUID;

/** Which repository an upload session belongs to; its bytes live in {@code UploadFiles}. */
public final class UploadSessions {
  private final Database db;
  private final Clock clock;

  public UploadSessions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void create(UUID id, RepositoryRef repo) {
    db.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO registry_uploads (id, registry, repository, started_at)"
                      + " VALUES (?,?,?,?)")) {
            s.setString(1, id.toString());
            s.setString(2, repo.registry().value());
            s.setString(3, repo.name().value());
            s.setString(4, clock.instant().toString());
            s.executeUpdate();
          }
          return null;
        });
  }

  /** True when {@code id} is a live session of exactly {@code repo}. */
  public boolean belongsTo(UUID id, RepositoryRef repo) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT 1 FROM registry_uploads WHERE id=? AND registry=? AND repository=?")) {
            s.setString(1, id.toString());
            s.setString(2, repo.registry().value());
            s.setString(3, repo.name().value());
            try (ResultSet r = s.executeQuery()) {
              return r.next();
            }
          }
        });
  }

  /** Ends the session; true when it existed. */
  public boolean delete(UUID id) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM registry_uploads WHERE id=?")) {
            s.setString(1, id.toString());
            return s.executeUpdate() > 0;
          }
        });
  }
}
