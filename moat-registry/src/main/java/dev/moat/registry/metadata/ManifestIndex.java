package dev.moat.registry.metadata;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.moat.platform.json.Json;
import dev.moat.platform.store.Database;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.RepositoryRef;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Manifests per repository (distribution's {@code _manifests/revisions}). Thread-safe. */
public final class ManifestIndex {
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private final Database db;
  private final Clock clock;
  private final RepositoryLinks links;

  public ManifestIndex(Database db, Clock clock, RepositoryLinks links) {
    this.db = db;
    this.clock = clock;
    this.links = links;
  }

  /** Records the manifest in {@code repo} (replacing an identical row). */
  public void put(RepositoryRef repo, ManifestRecord m) {
    db.run(
        c -> {
          links.ensureRepository(repo);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO registry_manifests (registry, repository, digest, media_type, size,"
                      + " subject, artifact_type, annotations, created_at) VALUES"
                      + " (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, m.digest().toString());
            s.setString(4, m.mediaType());
            s.setLong(5, m.size());
            s.setString(6, m.subject().map(Digest::toString).orElse(null));
            s.setString(7, m.artifactType().orElse(null));
            s.setString(8, Json.write(m.annotations()));
            s.setString(9, clock.instant().toString());
            s.executeUpdate();
          }
          return null;
        });
  }

  public Optional<ManifestRecord> get(RepositoryRef repo, Digest digest) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT digest, media_type, size, subject, artifact_type, annotations FROM"
                      + " registry_manifests WHERE registry=? AND repository=? AND digest=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, digest.toString());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
          }
        });
  }

  /** Deletes the manifest and (by cascade) every tag pointing at it; true when it existed. */
  public boolean delete(RepositoryRef repo, Digest digest) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM registry_manifests WHERE registry=? AND repository=? AND digest=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, digest.toString());
            return s.executeUpdate() > 0;
          }
        });
  }

  /** Manifests in {@code repo} whose subject is {@code subject}, ordered by digest. */
  public List<ManifestRecord> referrers(RepositoryRef repo, Digest subject) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT digest, media_type, size, subject, artifact_type, annotations FROM"
                      + " registry_manifests WHERE registry=? AND repository=? AND subject=?"
                      + " ORDER BY digest")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            s.setString(3, subject.toString());
            List<ManifestRecord> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(read(r));
              }
            }
            return out;
          }
        });
  }

  private static ManifestRecord read(ResultSet r) throws SQLException {
    String subject = r.getString(4);
    String annotations = r.getString(6);
    Map<String, String> map;
    try {
      map = annotations == null ? Map.of() : Json.mapper().readValue(annotations, STRING_MAP);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return new ManifestRecord(
        Digest.parse(r.getString(1)),
        r.getString(2),
        r.getLong(3),
        Optional.ofNullable(subject).map(Digest::parse),
        Optional.ofNullable(r.getString(5)),
        map);
  }
}
