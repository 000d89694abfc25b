package dev.moat.mcr;

/**
 * One artifact a node pulls from {@code mcr.microsoft.com}.
 *
 * @param repository the repository on MCR, without the host, e.g. {@code oss/kubernetes/pause}
 * @param tag e.g. {@code 3.6}
 * @param kind a container image, or an OCI artifact pulled with oras (kubelet binaries)
 */
public record Artifact(String repository, String tag, Kind kind) {

  /** How the artifact is packaged. */
  public enum Kind {
    IMAGE,
    OCI_ARTIFACT
  }

  /** {@code repository:tag}. */
  public String reference() {
    return repository + ":" + tag;
  }
}
