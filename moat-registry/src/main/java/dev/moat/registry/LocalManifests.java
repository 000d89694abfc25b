package dev.moat.registry;

import dev.moat.registry.metadata.ManifestIndex;
import dev.moat.registry.metadata.ManifestRecord;
import dev.moat.registry.metadata.RepositoryLinks;
import dev.moat.registry.metadata.TagIndex;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import dev.moat.registry.model.Tag;
import dev.moat.registry.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Manifests and tags in this engine's store. Manifest bytes are blobs; rows are metadata. */
public final class LocalManifests implements Manifests {
  private final BlobStore store;
  private final RepositoryLinks links;
  private final ManifestIndex manifests;
  private final TagIndex tags;
  private final LocalBlobs blobs;

  public LocalManifests(
      BlobStore store,
      RepositoryLinks links,
      ManifestIndex manifests,
      TagIndex tags,
      LocalBlobs blobs) {
    this.store = store;
    this.links = links;
    this.manifests = manifests;
    this.tags = tags;
    this.blobs = blobs;
  }

  /** The manifest if stored locally, without throwing. */
  public Optional<StoredManifest> find(RepositoryRef repo, Reference reference) {
    Optional<Digest> digest =
        reference instanceof Reference.ByTag t ? tags.resolve(repo, t.value()) : reference.digest();
    Optional<ManifestRecord> record = digest.flatMap(d -> manifests.get(repo, d));
    if (record.isEmpty()) {
      return Optional.empty();
    }
    try {
      return store.readAll(record.get().digest()).map(b -> new StoredManifest(record.get(), b));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public StoredManifest get(RepositoryRef repo, Reference reference) {
    return find(repo, reference)
        .orElseThrow(
            () ->
                new RegistryException(
                    ErrorCode.MANIFEST_UNKNOWN, "manifest unknown: " + repo + ":" + reference));
  }

  @Override
  public ManifestRecord put(
      RepositoryRef repo, Reference reference, String contentType, byte[] body) {
    return store(repo, reference, contentType, body, true);
  }

  /**
   * Stores a manifest. {@code verifyReferences} is false only for the pull-through cache, which
   * stores upstream manifests before their layers (they are fetched when first pulled).
   */
  public ManifestRecord store(
      RepositoryRef repo,
      Reference reference,
      String contentType,
      byte[] body,
      boolean verifyReferences) {
    Digest digest = Digest.of(body);
    if (reference.digest().isPresent() && !reference.digest().get().equals(digest)) {
      throw new RegistryException(
          ErrorCode.DIGEST_INVALID,
          "manifest digest " + digest + " does not match reference " + reference);
    }
    ParsedManifest parsed = ParsedManifest.parse(contentType, body);
    if (verifyReferences) {
      for (Digest d : parsed.blobs()) {
        if (blobs.find(repo, d).isEmpty()) {
          throw new RegistryException(
              ErrorCode.MANIFEST_BLOB_UNKNOWN,
              400,
              "blob unknown: " + d,
              java.util.Map.of("digest", d.toString()));
        }
      }
      for (Digest d : parsed.children()) {
        if (manifests.get(repo, d).isEmpty()) {
          throw new RegistryException(
              ErrorCode.MANIFEST_BLOB_UNKNOWN,
              400,
              "manifest unknown: " + d,
              java.util.Map.of("digest", d.toString()));
        }
      }
    }
    try {
      store.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ManifestRecord record =
        new ManifestRecord(
            digest,
            parsed.mediaType(),
            body.length,
            parsed.subject(),
            parsed.artifactType(),
            parsed.annotations());
    manifests.put(repo, record);
    reference.tag().ifPresent(t -> tags.put(repo, t, digest));
    return record;
  }

  /** Points a tag at a manifest already stored (the proxy's tag refresh). */
  public void tag(RepositoryRef repo, Tag tag, Digest digest) {
    tags.put(repo, tag, digest);
  }

  @Override
  public void delete(RepositoryRef repo, Reference reference) {
    boolean deleted =
        reference instanceof Reference.ByTag t
            ? tags.delete(repo, t.value())
            : manifests.delete(repo, reference.digest().orElseThrow());
    if (!deleted) {
      throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest unknown: " + reference);
    }
  }

  @Override
  public List<Tag> tags(RepositoryRef repo, String last, int limit) {
    if (!links.repositoryExists(repo)) {
      throw new RegistryException(ErrorCode.NAME_UNKNOWN, "repository unknown: " + repo.name());
    }
    return tags.list(repo, last, limit);
  }

  @Override
  public List<ManifestRecord> referrers(RepositoryRef repo, Digest subject) {
    return manifests.referrers(repo, subject);
  }

  @Override
  public List<RepositoryName> catalog(RegistryName registry, String last, int limit) {
    return links.catalog(registry, last, limit);
  }
}
