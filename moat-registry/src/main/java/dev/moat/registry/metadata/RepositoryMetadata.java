package dev.moat.registry.metadata;

import dev.moat.platform.store.Database;
import dev.moat.registry.model.RepositoryRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-mostly views of a repository for registry management APIs (ACR's {@code /acr/v1/}): its
 * creation and last-update times and counts, its tags with their times, its manifests with their
 * tags. Thread-safe.
 */
public final class RepositoryMetadata {
  private final Database db;

  public RepositoryMetadata(Database db) {
    this.db = db;
  }

  /** A repository's summary. */
  public record RepositorySummary(
      Instant created, Instant lastUpdated, int manifestCount, int tagCount) {}

  /** One tag. */
  public record TagEntry(String name, String digest, Instant updated) {}

  /** One manifest and the tags pointing at it. */
  public record ManifestEntry(
      String digest, String mediaType, long size, Instant created, List<String> tags) {}

  public Optional<RepositorySummary> summary(RepositoryRef repo) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT r.created_at,"
                      + " (SELECT COUNT(*) FROM registry_manifests m WHERE m.registry=r.registry AND"
                      + " m.repository=r.name),"
                      + " (SELECT COUNT(*) FROM registry_tags t WHERE t.registry=r.registry AND"
                      + " t.repository=r.name),"
                      + " (SELECT MAX(m.created_at) FROM registry_manifests m WHERE"
                      + " m.registry=r.registry AND m.repository=r.name),"
                      + " (SELECT MAX(t.updated_at) FROM registry_tags t WHERE t.registry=r.registry"
                      + " AND t.repository=r.name)"
                      + " FROM registry_repositories r WHERE r.registry=? AND r.name=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              Instant created = Instant.parse(r.getString(1));
              Instant last = created;
              for (int col : new int[] {4, 5}) {
                String v = r.getString(col);
                if (v != null && Instant.parse(v).isAfter(last)) {
                  last = Instant.parse(v);
                }
              }
              return Optional.of(new RepositorySummary(created, last, r.getInt(2), r.getInt(3)));
            }
          }
        });
  }

  /** Tags in name order. */
  public List<TagEntry> tags(RepositoryRef repo) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT tag, digest, updated_at FROM registry_tags WHERE registry=? AND"
                      + " repository=? ORDER BY tag")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            List<TagEntry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(
                    new TagEntry(r.getString(1), r.getString(2), Instant.parse(r.getString(3))));
              }
            }
            return out;
          }
        });
  }

  /** Manifests in creation order, each with its tags. */
  public List<ManifestEntry> manifests(RepositoryRef repo) {
    Map<String, List<String>> tagsByDigest = new LinkedHashMap<>();
    for (TagEntry t : tags(repo)) {
      tagsByDigest.computeIfAbsent(t.digest(), k -> new ArrayList<>()).add(t.name());
    }
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT digest, media_type, size, created_at FROM registry_manifests WHERE"
                      + " registry=? AND repository=? ORDER BY created_at, digest")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            List<ManifestEntry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(
                    new ManifestEntry(
                        r.getString(1),
                        r.getString(2),
                        r.getLong(3),
                        Instant.parse(r.getString(4)),
                        List.copyOf(tagsByDigest.getOrDefault(r.getString(1), List.of()))));
              }
            }
            return out;
          }
        });
  }

  /** Deletes the repository with everything linked to it; true when it existed. */
  public boolean deleteRepository(RepositoryRef repo) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM registry_repositories WHERE registry=? AND name=?")) {
            s.setString(1, repo.registry().value());
            s.setString(2, repo.name().value());
            return s.executeUpdate() > 0;
          }
        });
  }
}
