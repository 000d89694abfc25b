package dev.moat.containerregistry.model;

import java.util.List;

/** The {@code importImage} body, {@code ImportImageParameters}, as sent. */
public record ImportImageParameters(
    Source source, List<String> targetTags, List<String> untaggedTargetRepositories, String mode) {

  /** {@code ImportSource}. */
  public record Source(
      String resourceId, String registryUri, Credentials credentials, String sourceImage) {}

  /**
   * {@code ImportSourceCredentials}: accepted; Moat's public registries need none, and a source ACR
   * is read by the registry service itself.
   */
  public record Credentials(String username, String password) {}
}
