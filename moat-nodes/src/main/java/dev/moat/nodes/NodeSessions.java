package dev.moat.nodes;

import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.transport.NodePassport;
import dev.moat.fabric.transport.NodePassports;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.contracts.NodeIdentityCredentials;
import dev.moat.platform.id.ResourceId;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each node's network identity while it runs: its fabric passport (subnet, address, egress) and its
 * IMDS credential, issued when the node boots and reused by its container runtime for every later
 * pull, so a running node does not revoke and re-issue its secrets per image. A node imaged again
 * (new subnet, address, outbound type or kubelet identity) gets new ones.
 */
final class NodeSessions {
  private final NetworkFabric fabric;
  private final NodePassports passports;
  private final NodeIdentityCredentials credentials;
  private final ManagedIdentities identities;
  private final NodeNetwork network;
  private final Map<String, Session> byNode = new ConcurrentHashMap<>();
  private volatile HttpClient client;

  NodeSessions(
      NetworkFabric fabric,
      NodePassports passports,
      NodeIdentityCredentials credentials,
      ManagedIdentities identities,
      NodeNetwork network) {
    this.fabric = fabric;
    this.passports = passports;
    this.credentials = credentials;
    this.identities = identities;
    this.network = network;
  }

  /** What decides a node's path and identity: a change means the node was imaged again. */
  private record Key(
      ResourceId subnet, String address, String outboundType, ResourceId kubeletIdentity) {
    static Key of(NodeSpec spec) {
      return new Key(
          spec.subnet(), spec.privateIpAddress(), spec.outboundType(), spec.kubeletIdentity());
    }
  }

  /** One node's open session. */
  static final class Session {
    private final Key key;
    private final FabricHttp http;
    private final NodeNetwork.Endpoints endpoints;
    private final HttpClient client;
    private final NodeSessions owner;
    private final String nodeName;
    private volatile ImdsClient imds;

    /** Pulls in flight on the node, by normalised reference (concurrent asks share one). */
    final Map<
            String,
            java.util.concurrent.CompletableFuture<
                dev.moat.platform.contracts.NodeRuntime.ImagePull>>
        images = new ConcurrentHashMap<>();

    /** The node's content store: digests of blobs it holds. */
    final Set<String> content = ConcurrentHashMap.newKeySet();

    /** The credential provider's cache: registry refresh tokens by login server. */
    final Map<String, CachedCredential> credentialCache = new ConcurrentHashMap<>();

    private Session(
        Key key,
        FabricHttp http,
        NodeNetwork.Endpoints endpoints,
        HttpClient client,
        NodeSessions owner,
        String nodeName) {
      this.key = key;
      this.http = http;
      this.endpoints = endpoints;
      this.client = client;
      this.owner = owner;
      this.nodeName = nodeName;
    }

    FabricHttp http() {
      return http;
    }

    /**
     * The node's kubelet identity and an IMDS client holding the node's credential for it; empty
     * when the identity does not exist.
     */
    Optional<Kubelet> kubelet() {
      if (key.kubeletIdentity() == null) {
        return Optional.empty();
      }
      Optional<ManagedIdentities.Identity> identity = owner.identities.find(key.kubeletIdentity());
      if (identity.isEmpty()) {
        return Optional.empty();
      }
      ImdsClient current = imds;
      if (current == null) {
        synchronized (this) {
          if (imds == null) {
            String credential = owner.credentials.issue(nodeName, Set.of(identity.get().id()));
            imds = new ImdsClient(client, endpoints.imdsBase(), credential);
          }
          current = imds;
        }
      }
      return Optional.of(new Kubelet(identity.get(), current));
    }
  }

  /** A registry refresh token and when the provider stops reusing it. */
  record CachedCredential(String refreshToken, java.time.Instant expires) {}

  /** The kubelet identity and the node's IMDS. */
  record Kubelet(ManagedIdentities.Identity identity, ImdsClient imds) {}

  /** A new session for a node that is booting (revoking what it had). */
  Session open(NodeSpec spec) {
    Session s = create(spec);
    byNode.put(spec.nodeName(), s);
    return s;
  }

  /** The running node's session, opening one if it has none or was imaged differently. */
  Session of(NodeSpec spec) {
    Key key = Key.of(spec);
    return byNode.compute(
        spec.nodeName(),
        (name, existing) ->
            existing != null && Objects.equals(existing.key, key) ? existing : create(spec));
  }

  private Session create(NodeSpec spec) {
    NodeNetwork.Endpoints endpoints = network.endpoints();
    HttpClient c = client(endpoints);
    ResourceId vnet = spec.subnet().parent().orElseThrow();
    String passport =
        passports.issue(
            new NodePassport(
                spec.nodeName(),
                spec.subnet(),
                spec.privateIpAddress(),
                NodeAgents.egressOf(spec.outboundType())));
    FabricHttp http =
        new FabricHttp(c, endpoints.ingressBase(), new VnetResolver(fabric), vnet, passport);
    return new Session(Key.of(spec), http, endpoints, c, this, spec.nodeName());
  }

  /** One HTTP client for every node: connections to the ingress are pooled across nodes. */
  HttpClient client(NodeNetwork.Endpoints endpoints) {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = HttpClient.newBuilder().sslContext(endpoints.trust()).build();
        }
        c = client;
      }
    }
    return c;
  }
}
