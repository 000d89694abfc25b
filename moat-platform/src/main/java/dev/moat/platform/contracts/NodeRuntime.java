package dev.moat.platform.contracts;

import java.time.Duration;
import java.util.List;

/**
 * What a cluster node's container runtime does for workloads: pull an image the way its kubelet,
 * credential provider and containerd do — through the node's VNet DNS view, the fabric's
 * reachability for the outbound type it was imaged with, the registry's network rules and, for
 * {@code *.azurecr.io}, the kubelet identity's token exchange (AcrPull decided at pull time) — and
 * run the few programs Moat knows how to run natively (today {@code aks/canipull}, the image {@code
 * az aks check-acr} starts). Implemented by the node agents; called by each cluster's kubelets.
 * Thread-safe; blocking; never throws for a failed pull (the failure is the result).
 */
public interface NodeRuntime {

  /**
   * Pulls {@code image} exactly as written in a pod spec ({@code nginx}, {@code
   * myacr.azurecr.io/app:v1}, {@code mcr.microsoft.com/oss/kubernetes/coredns:v1.11.1}) onto the
   * node, verifying every digest. {@code mcr.microsoft.com} goes through the node's containerd
   * mirror (its private registry's {@code aks-managed-repository}) when the node was imaged with
   * artifact source {@code Cache}.
   */
  ImagePull pull(NodeBootstrapper.NodeSpec node, String image);

  /**
   * Runs aks-canipull's checks for {@code acrFqdn} from the node (DNS through its VNet view, its
   * kubelet identity's token from IMDS, the registry's token exchange) and returns what the program
   * prints and its exit code (0, 52 DNS, 10 identity, 60 token exchange).
   */
  ProgramRun canipull(NodeBootstrapper.NodeSpec node, String acrFqdn);

  /** How a pull ended. */
  enum PullResult {
    PULLED,
    /** The reference does not parse: kubelet's {@code InvalidImageName}, no pull attempted. */
    INVALID_NAME,
    /** Attempted and failed: kubelet's {@code ErrImagePull}. */
    FAILED
  }

  /**
   * One pull.
   *
   * @param reference the normalised reference containerd uses, e.g. {@code
   *     docker.io/library/nginx:latest}
   * @param imageId what the runtime reports as {@code imageID}: {@code host/repository@sha256:…};
   *     empty unless pulled
   * @param sizeBytes the image's size (manifest, config and layers); 0 unless pulled
   * @param error for a failure, containerd's text as kubelet puts it after {@code Failed to pull
   *     image "X": }, e.g. {@code failed to pull and unpack image "docker.io/library/nginx:latest":
   *     failed to resolve reference "docker.io/library/nginx:latest": failed to do request: Head
   *     "https://registry-1.docker.io/v2/library/nginx/manifests/latest": dial tcp 52.1.2.3:443:
   *     i/o timeout}; empty when pulled
   */
  record ImagePull(
      PullResult result,
      String reference,
      String imageId,
      long sizeBytes,
      String error,
      Duration took) {}

  /** A program's output lines (without trailing newlines) and exit code. */
  record ProgramRun(List<String> output, int exitCode) {
    public ProgramRun {
      output = List.copyOf(output);
    }
  }
}
