package dev.moat.acr;

import dev.moat.registry.BlobContent;
import dev.moat.registry.ErrorCode;
import dev.moat.registry.ParsedManifest;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.RegistryException;
import dev.moat.registry.StoredManifest;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import dev.moat.registry.model.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code az acr import}'s server-side copy, done by the registry service itself: it reads the
 * source (a public registry stand-in, or any ACR, through the engines directly) and writes the
 * target registry's storage, so it works whatever the target's network rules say, as ACR's import
 * does. Child manifests of an index and every blob are copied before the manifest that names them;
 * blobs the target repository already has are skipped.
 */
public final class ImageImport {

  /** Where the image comes from: an ACR by name, or a public registry by host. */
  public sealed interface SourceRegistry {
    /** An ACR resource. */
    record Acr(String registryName) implements SourceRegistry {}

    /** A public registry ({@code docker.io}, {@code registry-1.docker.io}, {@code mcr...}). */
    record Public(String host) implements SourceRegistry {}
  }

  /**
   * @param reference a tag or a digest
   */
  public record Source(SourceRegistry registry, String repository, String reference) {}

  /** A target repository, tagged or (empty tag) untagged. */
  public record Target(String repository, Optional<String> tag) {}

  /**
   * One import.
   *
   * @param force overwrite existing target tags ({@code Force}); otherwise an existing tag fails
   *     the import before anything is copied
   */
  public record Request(String targetRegistry, Source source, List<Target> targets, boolean force) {
    public Request {
      targets = List.copyOf(targets);
    }
  }

  /** Why an import failed. */
  public enum Failure {
    SOURCE_REGISTRY_UNKNOWN,
    SOURCE_NOT_FOUND,
    TAG_EXISTS,
    INVALID_TARGET,
    COPY_FAILED
  }

  /** A failed import, with the reason. */
  public static final class ImportException extends Exception {
    private final Failure failure;

    public ImportException(Failure failure, String message) {
      super(message, null, false, false);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  private final RegistryEngine acrEngine;
  private final StandIns standIns;

  ImageImport(RegistryEngine acrEngine, StandIns standIns) {
    this.acrEngine = acrEngine;
    this.standIns = standIns;
  }

  void run(Request request) throws ImportException {
    RegistryEngine sourceEngine;
    RegistryName sourceName;
    String sourceLabel;
    if (request.source().registry() instanceof SourceRegistry.Acr acr) {
      sourceEngine = acrEngine;
      sourceName = RegistryName.of(acr.registryName());
      sourceLabel = acr.registryName() + ".azurecr.io";
    } else {
      String host = ((SourceRegistry.Public) request.source().registry()).host();
      StandIns.StandIn standIn =
          standIns
              .byHost(host)
              .or(() -> standIns.byName(host))
              .orElseThrow(
                  () ->
                      new ImportException(
                          Failure.SOURCE_REGISTRY_UNKNOWN,
                          "The source registry '" + host + "' could not be reached."));
      sourceEngine = standIn.engine();
      sourceName = RegistryName.of(standIn.registry().name());
      sourceLabel = standIn.registry().name();
      if (!Digest.looksLikeDigest(request.source().reference())) {
        standIn.content().ensure(request.source().repository(), request.source().reference());
      }
    }
    String sourceImage =
        sourceLabel
            + "/"
            + request.source().repository()
            + (Digest.looksLikeDigest(request.source().reference()) ? "@" : ":")
            + request.source().reference();
    RepositoryRef src;
    Reference reference;
    try {
      src = new RepositoryRef(sourceName, RepositoryName.of(request.source().repository()));
      reference = Reference.parse(request.source().reference());
    } catch (RegistryException | IllegalArgumentException e) {
      throw new ImportException(Failure.SOURCE_NOT_FOUND, sourceNotFound(sourceImage));
    }
    StoredManifest manifest;
    try {
      manifest = sourceEngine.manifests(src).get(src, reference);
    } catch (RegistryException e) {
      if (e.code() == ErrorCode.MANIFEST_UNKNOWN || e.code() == ErrorCode.NAME_UNKNOWN) {
        throw new ImportException(Failure.SOURCE_NOT_FOUND, sourceNotFound(sourceImage));
      }
      throw new ImportException(Failure.COPY_FAILED, "Error copying blobs. " + e.getMessage());
    }
    RegistryName target = RegistryName.of(request.targetRegistry());
    List<RepositoryRef> destinations;
    try {
      destinations =
          request.targets().stream()
              .map(t -> new RepositoryRef(target, RepositoryName.of(t.repository())))
              .toList();
    } catch (RegistryException | IllegalArgumentException e) {
      throw new ImportException(Failure.INVALID_TARGET, "Invalid target repository name.");
    }
    if (!request.force()) {
      for (int i = 0; i < destinations.size(); i++) {
        Optional<String> tag = request.targets().get(i).tag();
        if (tag.isPresent() && exists(destinations.get(i), tag.get())) {
          throw new ImportException(
              Failure.TAG_EXISTS,
              "Tag "
                  + request.targets().get(i).repository()
                  + ":"
                  + tag.get()
                  + " already exists in target registry.");
        }
      }
    }
    try {
      for (int i = 0; i < destinations.size(); i++) {
        RepositoryRef dst = destinations.get(i);
        copyChildren(sourceEngine, src, dst, manifest);
        Optional<String> tag = request.targets().get(i).tag();
        Reference as =
            tag.isPresent()
                ? Reference.of(Tag.of(tag.get()))
                : Reference.of(manifest.record().digest());
        acrEngine.manifests(dst).put(dst, as, manifest.record().mediaType(), manifest.body());
      }
    } catch (RegistryException | UncheckedIOException e) {
      throw new ImportException(Failure.COPY_FAILED, "Error copying blobs. " + e.getMessage());
    }
  }

  private boolean exists(RepositoryRef dst, String tag) {
    try {
      acrEngine.manifests(dst).get(dst, Reference.of(Tag.of(tag)));
      return true;
    } catch (RegistryException e) {
      return false;
    }
  }

  /** Copies what a manifest references (blobs, child manifests) into {@code dst}. */
  private void copyChildren(
      RegistryEngine sourceEngine, RepositoryRef src, RepositoryRef dst, StoredManifest manifest) {
    ParsedManifest parsed = ParsedManifest.parse(manifest.record().mediaType(), manifest.body());
    for (Digest child : parsed.children()) {
      StoredManifest m = sourceEngine.manifests(src).get(src, Reference.of(child));
      copyChildren(sourceEngine, src, dst, m);
      acrEngine.manifests(dst).put(dst, Reference.of(child), m.record().mediaType(), m.body());
    }
    for (Digest blob : parsed.blobs()) {
      if (hasBlob(dst, blob)) {
        continue;
      }
      BlobContent content = sourceEngine.blobs(src).open(src, blob);
      try (InputStream in = content.open(0)) {
        acrEngine.blobs(dst).put(dst, in, blob, OptionalLong.of(content.size()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private boolean hasBlob(RepositoryRef dst, Digest blob) {
    try {
      acrEngine.blobs(dst).stat(dst, blob);
      return true;
    } catch (RegistryException e) {
      return false;
    }
  }

  // [EMU] ACR's text for a missing import source is not published.
  private static String sourceNotFound(String image) {
    return "The source image " + image + " does not exist.";
  }
}
