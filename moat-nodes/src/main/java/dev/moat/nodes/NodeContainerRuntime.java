package dev.moat.nodes;

import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.contracts.NodeRuntime.ImagePull;
import dev.moat.platform.contracts.NodeRuntime.PullResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workload image pulls on a node: the kubelet's credential provider ({@code
 * acr-credential-provider} for {@code *.azurecr.io} and the {@code mcr.microsoft.com} mirror: IMDS
 * token of the kubelet identity, then the registry's {@code /oauth2/exchange}) and containerd's
 * pull ({@link ContainerdPull}) through the node's fabric path.
 *
 * <p>Every pull resolves the reference with the registry again, as CRI {@code PullImage} does (the
 * tag may have moved, and the registry decides again whether this node may pull: a kubelet identity
 * that lost AcrPull gets 401 on its next pull even of an image it has); only blobs already in the
 * node's content store are not fetched again. Concurrent requests for the same image share one
 * pull. Whether to pull at all ({@code imagePullPolicy}, an image present on the node) is the
 * kubelet's decision, not the runtime's.
 */
final class NodeContainerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(NodeContainerRuntime.class);

  /** How long the credential provider reuses an exchanged token (its {@code cacheDuration}). */
  static final Duration CREDENTIAL_CACHE = Duration.ofMinutes(10);

  private final NodeSessions sessions;
  private final String tenantId;
  private final Clock clock;

  NodeContainerRuntime(NodeSessions sessions, String tenantId, Clock clock) {
    this.sessions = sessions;
    this.tenantId = tenantId;
    this.clock = clock;
  }

  ImagePull pull(NodeSpec node, String image) {
    Instant start = clock.instant();
    Optional<ImageReference> parsed = ImageReference.parse(image);
    if (parsed.isEmpty()) {
      return new ImagePull(
          PullResult.INVALID_NAME,
          image,
          "",
          0,
          "Failed to apply default image tag \""
              + image
              + "\": couldn't parse image name \""
              + image
              + "\": invalid reference format",
          Duration.ZERO);
    }
    ImageReference ref = parsed.get();
    NodeSessions.Session session = sessions.of(node);
    CompletableFuture<ImagePull> mine = new CompletableFuture<>();
    CompletableFuture<ImagePull> existing = session.images.putIfAbsent(ref.normalized(), mine);
    if (existing != null) {
      ImagePull earlier = existing.join();
      return earlier.result() == PullResult.PULLED
          ? new ImagePull(
              PullResult.PULLED,
              earlier.reference(),
              earlier.imageId(),
              earlier.sizeBytes(),
              "",
              Duration.between(start, clock.instant()))
          : earlier;
    }
    ImagePull outcome;
    try {
      ContainerdPull.Pulled pulled =
          new ContainerdPull(session.http(), ref, session.content).pull(hosts(node, session, ref));
      outcome =
          new ImagePull(
              PullResult.PULLED,
              ref.normalized(),
              ref.imageId(pulled.manifestDigest()),
              pulled.sizeBytes(),
              "",
              Duration.between(start, clock.instant()));
    } catch (ContainerdPull.PullError e) {
      LOG.debug("node {} failed to pull {}: {}", node.nodeName(), image, e.getMessage());
      outcome =
          new ImagePull(
              PullResult.FAILED,
              ref.normalized(),
              "",
              0,
              e.getMessage(),
              Duration.between(start, clock.instant()));
    } catch (RuntimeException e) {
      session.images.remove(ref.normalized(), mine);
      mine.completeExceptionally(e);
      throw e;
    }
    // In flight only: the next request resolves again (the content store keeps the blobs).
    session.images.remove(ref.normalized(), mine);
    mine.complete(outcome);
    return outcome;
  }

  /** The hosts containerd tries, with the credentials the kubelet passes for each. */
  private List<ContainerdPull.RegistryHost> hosts(
      NodeSpec node, NodeSessions.Session session, ImageReference ref) {
    List<ContainerdPull.RegistryHost> hosts = new ArrayList<>();
    if (ref.domain().equals(NodeAgents.MCR)
        && node.artifactSource() == ArtifactSource.Cache
        && node.registryLoginServer() != null) {
      // NODE4: containerd's hosts.toml mirrors MCR to the private registry's cache repository.
      String mirror = node.registryLoginServer();
      hosts.add(
          new ContainerdPull.RegistryHost(
              mirror, NodeAgents.CACHE_PREFIX, credential(session, mirror)));
    }
    String host = ref.host();
    hosts.add(
        new ContainerdPull.RegistryHost(
            host, "", host.endsWith(".azurecr.io") ? credential(session, host) : Optional.empty()));
    return hosts;
  }

  /**
   * acr-credential-provider: the kubelet identity's IMDS token exchanged for a registry refresh
   * token. Any failure means no credentials, and the kubelet pulls anonymously (as on AKS).
   */
  private Optional<String> credential(NodeSessions.Session session, String loginServer) {
    Instant now = clock.instant();
    NodeSessions.CachedCredential cached = session.credentialCache.get(loginServer);
    if (cached != null && cached.expires().isAfter(now)) {
      return Optional.of(cached.refreshToken());
    }
    Optional<NodeSessions.Kubelet> kubelet = session.kubelet();
    if (kubelet.isEmpty()) {
      return Optional.empty();
    }
    try {
      String aad =
          kubelet
              .get()
              .imds()
              .token(NodeAgents.REGISTRY_AUDIENCE, kubelet.get().identity().clientId());
      Optional<String> refresh =
          TokenExchange.exchange(session.http(), loginServer, tenantId, aad).refreshToken();
      refresh.ifPresent(
          t ->
              session.credentialCache.put(
                  loginServer, new NodeSessions.CachedCredential(t, now.plus(CREDENTIAL_CACHE))));
      return refresh;
    } catch (BootstrapFailure | NetworkFailure e) {
      LOG.debug("credential provider: no credentials for {}: {}", loginServer, e.getMessage());
      return Optional.empty();
    }
  }
}
