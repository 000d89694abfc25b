package dev.moat.acr;

import dev.moat.mcr.Artifact;
import dev.moat.mcr.BootstrapCatalog;
import dev.moat.mcr.SyntheticArtifacts;
import dev.moat.mcr.SyntheticImage;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.RegistryException;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The MCR stand-in's content: the AKS bootstrap artifacts, materialised into the registry engine
 * the first time someone asks for one (so every patch version of a known minor is served without
 * generating thousands of images up front). Content is deterministic, so a lazily made artifact is
 * byte-identical on every machine. Anything users push to the stand-in is served as pushed.
 */
final class McrContent {
  private final RegistryEngine engine;
  private final BootstrapCatalog catalog;
  private final SyntheticArtifacts generator;

  McrContent(RegistryEngine engine, BootstrapCatalog catalog, SyntheticArtifacts generator) {
    this.engine = engine;
    this.catalog = catalog;
    this.generator = generator;
  }

  /** Makes sure {@code repository:tag} exists if it is a known bootstrap artifact. */
  synchronized void ensure(String repository, String tag) {
    Optional<Artifact> artifact = catalog.lookup(repository, tag);
    if (artifact.isEmpty()) {
      return;
    }
    RepositoryRef ref = new RepositoryRef(RegistryTarget.MCR, RepositoryName.of(repository));
    try {
      engine.manifests(ref).get(ref, Reference.parse(tag));
      return;
    } catch (RegistryException missing) {
      // not there yet: generate it below
    }
    SyntheticImage image = generator.generate(artifact.get());
    for (SyntheticImage.Blob blob : image.blobs()) {
      engine
          .blobs(ref)
          .put(
              ref,
              new ByteArrayInputStream(blob.content()),
              Digest.parse(blob.digest()),
              OptionalLong.of(blob.content().length));
    }
    engine
        .manifests(ref)
        .put(ref, Reference.parse(tag), image.manifestMediaType(), image.manifest());
  }
}
