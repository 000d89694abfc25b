package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code importImage} request.
 *
 * @param target the target registry
 * @param targetRegistryName its name (the engine's registry name)
 * @param source where the image comes from
 * @param targets every target repository, with its tag (empty for {@code
 *     untaggedTargetRepositories})
 * @param force {@code mode: Force}
 */
public record ImportImageRequest(
    ResourceId target,
    String targetRegistryName,
    Source source,
    List<Target> targets,
    boolean force) {

  public ImportImageRequest {
    targets = List.copyOf(targets);
  }

  /**
   * The source image.
   *
   * @param acrName the source ACR's name when the source is an ACR (by resource id or login
   *     server); empty for a public registry
   * @param registryHost the source registry's host ({@code docker.io}, {@code myacr.azurecr.io})
   * @param repository the repository path
   * @param reference a tag or a digest
   */
  public record Source(
      Optional<String> acrName, String registryHost, String repository, String reference) {}

  /** One target repository. */
  public record Target(String repository, Optional<String> tag) {}
}
