package dev.moat.acr;

import dev.moat.mcr.Artifact;
import dev.moat.mcr.PublicRegistry;
import dev.moat.mcr.SyntheticArtifacts;
import dev.moat.mcr.SyntheticImage;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.RegistryException;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A public registry stand-in's content (the AKS bootstrap artifacts on MCR, common images on Docker
 * Hub and the others), materialised into the stand-in's registry engine the first time someone asks
 * for it (so every patch version of a known minor is served without generating thousands of images
 * up front). Content is deterministic, so a lazily made image is byte-identical on every machine.
 * Anything users push to a stand-in is served as pushed.
 */
final class StandInContent {
  private final PublicRegistry registry;
  private final RegistryEngine engine;
  private final SyntheticArtifacts generator;

  StandInContent(PublicRegistry registry, RegistryEngine engine, SyntheticArtifacts generator) {
    this.registry = registry;
    this.engine = engine;
    this.generator = generator;
  }

  /** Makes sure {@code repository:tag} exists if it is a seeded image. */
  synchronized void ensure(String repository, String tag) {
    Optional<Artifact> artifact = registry.content().apply(repository, tag);
    if (artifact.isEmpty()) {
      return;
    }
    RepositoryRef ref =
        new RepositoryRef(RegistryName.of(registry.name()), RepositoryName.of(repository));
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
