package dev.moat.registry;

import dev.moat.registry.metadata.ManifestRecord;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import dev.moat.registry.model.Tag;
import java.util.List;

/**
 * Manifest, tag and referrer operations scoped to a repository (distribution's {@code
 * ManifestService} and {@code TagService}). Thread-safe; failures are {@link RegistryException}s.
 */
public interface Manifests {

  /** The manifest by tag or digest; {@code MANIFEST_UNKNOWN} when absent. */
  StoredManifest get(RepositoryRef repo, Reference reference);

  /**
   * Validates and stores a manifest byte-for-byte, tagging it when {@code reference} is a tag.
   * Returns the stored record (its digest is that of {@code body}).
   */
  ManifestRecord put(RepositoryRef repo, Reference reference, String contentType, byte[] body);

  /** Deletes a tag, or a manifest (and its tags) by digest. */
  void delete(RepositoryRef repo, Reference reference);

  /** Tags in lexical order after {@code last}; {@code NAME_UNKNOWN} for an unknown repository. */
  List<Tag> tags(RepositoryRef repo, String last, int limit);

  /** Manifests in {@code repo} whose subject is {@code subject}. */
  List<ManifestRecord> referrers(RepositoryRef repo, Digest subject);

  /** Repositories of a registry in lexical order after {@code last}. */
  List<RepositoryName> catalog(RegistryName registry, String last, int limit);
}
