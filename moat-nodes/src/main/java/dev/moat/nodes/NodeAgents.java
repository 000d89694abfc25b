package dev.moat.nodes;

import dev.moat.fabric.Egress;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.transport.NodePassports;
import dev.moat.mcr.Artifact;
import dev.moat.mcr.BootstrapCatalog;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.contracts.NodeBootstrapper;
import dev.moat.platform.contracts.NodeIdentityCredentials;
import dev.moat.platform.contracts.NodeRuntime;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moat's node agents: each {@link #bootstrap} boots one node the way AKS's provisioning script does
 * (reference NODE1–NODE8), for real — DNS through the node's VNet view, every connection through
 * the fabric ingress (which enforces the network path), a kubelet-identity token from IMDS, the
 * registry's token exchange, and a digest-verified pull of every bootstrap artifact of the
 * Kubernetes version. What fails is reported with the provisioning exit code AKS would show.
 */
public final class NodeAgents implements NodeBootstrapper, NodeRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgents.class);
  static final String MCR = "mcr.microsoft.com";
  static final String CACHE_PREFIX = "aks-managed-repository/";

  /** The audience a node asks IMDS for, first (NODE3). */
  static final String REGISTRY_AUDIENCE = "https://containerregistry.azure.net";

  static final String OUTBOUND_MESSAGE =
      "Unable to establish outbound connection from agents, please see"
          + " https://learn.microsoft.com/en-us/troubleshoot/azure/azure-kubernetes/error-code-outboundconnfailvmextensionerror"
          + " and https://aka.ms/aks-required-ports-and-addresses for more information.";

  private final BootstrapCatalog catalog;
  private final String tenantId;
  private final Clock clock;
  private final NodeSessions sessions;
  private final NodeContainerRuntime runtime;
  private final CanIPull canipull;

  public NodeAgents(
      NetworkFabric fabric,
      NodePassports passports,
      NodeIdentityCredentials credentials,
      ManagedIdentities identities,
      BootstrapCatalog catalog,
      NodeNetwork network,
      String tenantId,
      Clock clock) {
    this.catalog = catalog;
    this.tenantId = tenantId;
    this.clock = clock;
    this.sessions = new NodeSessions(fabric, passports, credentials, identities, network);
    this.runtime = new NodeContainerRuntime(sessions, tenantId, clock);
    VnetResolver resolver = new VnetResolver(fabric);
    this.canipull =
        new CanIPull(
            sessions,
            (node, host) -> resolver.lookup(node.subnet().parent().orElseThrow(), host),
            tenantId,
            clock);
  }

  @Override
  public ImagePull pull(NodeSpec node, String image) {
    return runtime.pull(node, image);
  }

  @Override
  public ProgramRun canipull(NodeSpec node, String acrFqdn) {
    return canipull.run(node, acrFqdn);
  }

  @Override
  public NodeOutcome bootstrap(NodeSpec spec) {
    Instant start = clock.instant();
    List<String> pulled = new ArrayList<>();
    try {
      run(spec, pulled);
      return new NodeOutcome(true, 0, "", "Ready", List.copyOf(pulled), since(start));
    } catch (BootstrapFailure f) {
      LOG.info(
          "node {} failed to bootstrap: {} {}", spec.nodeName(), f.exit().exitName, f.getMessage());
      return new NodeOutcome(
          false,
          f.exit().code,
          f.exit().exitName,
          f.getMessage(),
          List.copyOf(pulled),
          since(start));
    }
  }

  private void run(NodeSpec spec, List<String> pulled) throws BootstrapFailure {
    NodeSessions.Session session = sessions.open(spec);
    FabricHttp http = session.http();
    List<Artifact> artifacts =
        catalog
            .forVersion(spec.kubernetesVersion())
            .orElseThrow(
                () ->
                    new BootstrapFailure(
                        CseExit.ORAS_PULL_K8S_FAIL,
                        "no kubelet artifacts are published for Kubernetes "
                            + spec.kubernetesVersion()));

    boolean cache = spec.artifactSource() == ArtifactSource.Cache;
    String host = cache ? spec.registryLoginServer() : MCR;
    if (!cache) {
      outboundCheck(http);
    }
    RegistryPuller.AadTokenSource aad = cache ? kubeletToken(spec, session) : null;
    RegistryPuller puller = new RegistryPuller(http, host, tenantId, aad);
    try {
      puller.login();
      for (Artifact a : artifacts) {
        String repository = (cache ? CACHE_PREFIX : "") + a.repository();
        try {
          String digest = puller.pull(repository, a.tag());
          pulled.add(host + "/" + repository + ":" + a.tag() + "@" + digest);
        } catch (RegistryPuller.PullFailure e) {
          throw new BootstrapFailure(exitFor(a), e.getMessage());
        }
      }
    } catch (NetworkFailure e) {
      throw new BootstrapFailure(CseExit.ORAS_PULL_NETWORK_TIMEOUT, e.getMessage());
    }
  }

  /** NODE2: nodes that may use the internet check they can reach MCR before anything else. */
  private static void outboundCheck(FabricHttp http) throws BootstrapFailure {
    try {
      http.get(URI.create("https://" + MCR + "/v2/"), Map.of());
    } catch (NetworkFailure e) {
      throw new BootstrapFailure(
          CseExit.OUTBOUND_CONN_FAIL, OUTBOUND_MESSAGE + " (" + e.getMessage() + ")");
    }
  }

  private static RegistryPuller.AadTokenSource kubeletToken(
      NodeSpec spec, NodeSessions.Session session) throws BootstrapFailure {
    NodeSessions.Kubelet kubelet =
        session
            .kubelet()
            .orElseThrow(
                () ->
                    new BootstrapFailure(
                        CseExit.ORAS_IMDS_TIMEOUT,
                        "the kubelet identity " + spec.kubeletIdentity() + " does not exist"));
    return () -> kubelet.imds().token(REGISTRY_AUDIENCE, kubelet.identity().clientId());
  }

  /**
   * A node's egress from its cluster's outbound type: a load balancer or NAT gateway routes it to
   * the internet, {@code block} blocks everything, and {@code none} (or user-defined routing)
   * leaves the VM default outbound access of the subnet.
   */
  public static Optional<Egress> egressOf(String outboundType) {
    if (outboundType == null) {
      return Optional.empty();
    }
    return switch (outboundType.toLowerCase(java.util.Locale.ROOT)) {
      case "loadbalancer", "managednatgateway", "managednatgatewayv2", "userassignednatgateway" ->
          Optional.of(Egress.INTERNET);
      case "block" -> Optional.of(Egress.NONE);
      default -> Optional.empty();
    };
  }

  private static CseExit exitFor(Artifact a) {
    if (a.repository().endsWith("kubernetes-node")) {
      return CseExit.ORAS_PULL_K8S_FAIL;
    }
    if (a.repository().endsWith("azure-acr-credential-provider")) {
      return CseExit.ORAS_PULL_CREDENTIAL_PROVIDER;
    }
    if (a.repository().endsWith("/pause")) {
      return CseExit.PULL_POD_INFRA_CONTAINER_IMAGE;
    }
    return CseExit.ORAS_DOWNLOAD_ERROR;
  }

  private Duration since(Instant start) {
    return Duration.between(start, clock.instant());
  }
}
