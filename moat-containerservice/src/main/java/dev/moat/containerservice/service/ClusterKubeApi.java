package dev.moat.containerservice.service;

import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterStore;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.Node;
import dev.moat.kube.ClusterTokens;
import dev.moat.kube.KubeCluster;
import dev.moat.kube.KubeClusters;
import dev.moat.kube.runtime.ClusterState;
import dev.moat.kube.runtime.KubeRuntimes;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.id.ResourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each cluster's Kubernetes API shows: its nodes as their agents left them (Ready, or NotReady
 * with the bootstrap failure), and one running system pod per image a node pulled. Pods name images
 * as {@code mcr.microsoft.com/...} — a network-isolated node's containerd mirrors MCR to the
 * private registry (NODE4) — and their {@code imageID} is the reference the node really pulled,
 * e.g. {@code myacr.azurecr.io/aks-managed-repository/oss/kubernetes/kube-proxy@sha256:…}.
 */
public final class ClusterKubeApi implements KubeClusters {
  private static final String MCR = "mcr.microsoft.com/";
  private static final String CACHE = "/aks-managed-repository/";

  private final ClusterStore store;
  private final ClusterTokens tokens;
  private volatile KubeRuntimes runtimes;

  public ClusterKubeApi(ClusterStore store, ClusterTokens tokens) {
    this.store = store;
    this.tokens = tokens;
  }

  /**
   * Connects node sync to the clusters' Kubernetes runtimes and resumes every cluster of {@code
   * subscriptionIds} from the store (after a restart, controllers and kubelets pick up where they
   * were).
   */
  public void attach(KubeRuntimes runtimes, List<String> subscriptionIds) {
    this.runtimes = runtimes;
    resumeStopped(subscriptionIds);
  }

  /**
   * Offers this process every cluster whose runtime does not run here; on a team server that is how
   * a runtime whose replica died is taken over (called on a timer), since the claim in {@link
   * KubeRuntimes#sync} succeeds only for a cluster no live replica runs.
   */
  public void resumeStopped(List<String> subscriptionIds) {
    KubeRuntimes r = runtimes;
    if (r == null) {
      return;
    }
    for (String s : subscriptionIds) {
      for (ManagedCluster c : store.clustersInSubscription(s)) {
        if (!r.runs(key(c.id()))) {
          nodesChanged(c.id());
        }
      }
    }
  }

  /**
   * Node sync: tells the cluster's Kubernetes runtime which nodes it has now, with the spec each
   * was imaged with, whether it is Ready (or why not) and what it pulled at bootstrap. Called after
   * every pool step; idempotent.
   */
  public void nodesChanged(ResourceId cluster) {
    KubeRuntimes r = runtimes;
    if (r == null) {
      return;
    }
    store.cluster(cluster).ifPresent(c -> r.sync(key(c.id()), state(c)));
  }

  /** The cluster is gone: its Kubernetes objects and logs go too. */
  public void clusterDeleted(ResourceId cluster) {
    KubeRuntimes r = runtimes;
    if (r != null) {
      r.delete(key(cluster));
    }
  }

  private ClusterState state(ManagedCluster c) {
    List<ClusterState.ClusterNode> nodes = new ArrayList<>();
    for (AgentPool pool : store.pools(c.id())) {
      ResourceId subnet =
          pool.spec().vnetSubnetId() != null
              ? pool.spec().vnetSubnetId()
              : c.status().managedSubnet();
      for (Node n : pool.status().nodes()) {
        NodeSpec spec =
            new NodeSpec(
                n.name(),
                c.id(),
                pool.id(),
                subnet,
                n.address(),
                c.status().kubelet() == null ? null : c.status().kubelet().resourceId(),
                n.kubernetesVersion(),
                n.imageVersion(),
                n.artifactSource(),
                n.registryLoginServer(),
                c.spec().network().outboundType().name());
        nodes.add(
            new ClusterState.ClusterNode(
                spec,
                pool.id().name(),
                pool.spec().mode(),
                n.state() == Node.NodeState.Ready,
                n.state() == Node.NodeState.Failed
                    ? n.exitName() + ": " + n.message()
                    : "container runtime network not ready: bootstrapping",
                n.bootstrappedAt() == null ? Instant.EPOCH : n.bootstrappedAt(),
                pool.spec().maxPods() > 0 ? pool.spec().maxPods() : 250,
                n.pulled().stream()
                    .filter(ClusterKubeApi::isImage)
                    .map(ClusterKubeApi::image)
                    .toList()));
      }
    }
    var net = c.spec().network();
    return new ClusterState(
        c.id().name(),
        c.spec().kubernetesVersion(),
        net.serviceCidr() == null ? "10.0.0.0/16" : net.serviceCidr(),
        net.dnsServiceIp() == null ? "10.0.0.10" : net.dnsServiceIp(),
        nodes);
  }

  /** Kubelet tarballs and other OCI artifacts are files on the node, not container images. */
  private static boolean isImage(String pulled) {
    return !repository(pulled).contains("/binaries/");
  }

  /** A pulled bootstrap image as containerd lists it: the MCR tag reference and digest name. */
  private static ClusterState.NodeImage image(String pulled) {
    String repository = repository(pulled);
    return new ClusterState.NodeImage(
        List.of(
            MCR + repository + ":" + tag(pulled),
            MCR + repository + pulled.substring(pulled.indexOf('@'))),
        0);
  }

  /** The path key of a cluster's API: a stable hash of its id. */
  public static String key(ResourceId cluster) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(cluster.key().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<KubeCluster> find(String key, String bearerToken) {
    return tokens
        .cluster(bearerToken)
        .filter(id -> key(id).equals(key))
        .flatMap(store::cluster)
        .map(this::view);
  }

  private KubeCluster view(ManagedCluster c) {
    List<KubeCluster.Node> nodes = new ArrayList<>();
    List<KubeCluster.Pod> pods = new ArrayList<>();
    String version = "v" + c.spec().kubernetesVersion();
    for (AgentPool pool : store.pools(c.id())) {
      for (Node n : pool.status().nodes()) {
        Instant created = n.bootstrappedAt() == null ? Instant.EPOCH : n.bootstrappedAt();
        version = "v" + n.kubernetesVersion();
        nodes.add(
            new KubeCluster.Node(
                n.name(),
                n.address(),
                n.state() == Node.NodeState.Ready,
                n.state() == Node.NodeState.Failed
                    ? n.exitName() + ": " + n.message()
                    : "bootstrapping",
                pool.id().name(),
                "v" + n.kubernetesVersion(),
                n.imageVersion(),
                created));
        if (n.state() == Node.NodeState.Ready) {
          pods.addAll(podsOf(n, created));
        }
      }
    }
    return new KubeCluster(c.id().name(), version, nodes, pods);
  }

  private static List<KubeCluster.Pod> podsOf(Node n, Instant created) {
    List<KubeCluster.Pod> pods = new ArrayList<>();
    String suffix = n.name().substring(n.name().length() - 5).toLowerCase(Locale.ROOT);
    for (String pulled : n.pulled()) {
      String repository = repository(pulled);
      if (repository.contains("/binaries/") || repository.endsWith("/pause")) {
        continue; // kubelet tarballs and the sandbox image are not pods
      }
      String component = repository.substring(repository.lastIndexOf('/') + 1);
      pods.add(
          new KubeCluster.Pod(
              "kube-system",
              component + "-" + suffix,
              n.name(),
              List.of(
                  new KubeCluster.Container(
                      component, MCR + repository + ":" + tag(pulled), imageId(pulled))),
              true,
              created));
    }
    return pods;
  }

  /** The MCR repository of a pulled reference (cache prefix, registry host and tag removed). */
  private static String repository(String pulled) {
    String ref = pulled.substring(0, pulled.lastIndexOf(':', pulled.indexOf('@')));
    int cache = ref.indexOf(CACHE);
    return cache >= 0 ? ref.substring(cache + CACHE.length()) : ref.substring(ref.indexOf('/') + 1);
  }

  private static String tag(String pulled) {
    int at = pulled.indexOf('@');
    return pulled.substring(pulled.lastIndexOf(':', at) + 1, at);
  }

  /** {@code host/repository@digest}: what the runtime pulled. */
  private static String imageId(String pulled) {
    int at = pulled.indexOf('@');
    return pulled.substring(0, pulled.lastIndexOf(':', at)) + pulled.substring(at);
  }
}
