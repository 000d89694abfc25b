package dev.moat.containerservice.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.ClusterStatus;
import dev.moat.containerservice.model.ClusterStore;
import dev.moat.containerservice.model.Etags;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.Naming;
import dev.moat.containerservice.model.Node;
import dev.moat.containerservice.model.PoolSpec;
import dev.moat.containerservice.model.PoolStatus;
import dev.moat.containerservice.model.ProvisioningState;
import dev.moat.containerservice.validation.ClusterRules;
import dev.moat.containerservice.validation.ContainerServiceError;
import dev.moat.containerservice.validation.KubernetesVersions;
import dev.moat.containerservice.validation.ReferenceRules;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Managed-cluster operations. A PUT validates everything first (a rejection changes nothing), then
 * writes the desired spec, marks the cluster and its pools Creating/Updating and hands them to the
 * reconciler. Existing nodes keep the bootstrap configuration they were imaged with (NI6).
 */
public final class ClusterService {
  private final ClusterStore store;
  private final ResourceGroups groups;
  private final ClusterRules rules;
  private final ReferenceRules references;
  private final KubernetesVersions versions;
  private final LongRunningOperations lro;
  private final Clock clock;
  private final String tenantId;

  public ClusterService(
      ClusterStore store,
      ResourceGroups groups,
      ClusterRules rules,
      ReferenceRules references,
      KubernetesVersions versions,
      LongRunningOperations lro,
      Clock clock,
      String tenantId) {
    this.store = store;
    this.groups = groups;
    this.rules = rules;
    this.references = references;
    this.versions = versions;
    this.lro = lro;
    this.clock = clock;
    this.tenantId = tenantId;
  }

  /** The outcome of a PUT. */
  public record Written(ManagedCluster cluster, Operation operation, boolean created) {}

  public Optional<ManagedCluster> find(ResourceId id) {
    return store.cluster(id);
  }

  public ManagedCluster get(ResourceId id) {
    return store.cluster(id).orElseThrow(() -> notFound(id));
  }

  public List<AgentPool> pools(ResourceId cluster) {
    return store.pools(cluster);
  }

  /** The clusters in a resource group (which must exist), or in the whole subscription. */
  public List<ManagedCluster> listIn(ResourceId scope) {
    if (scope.isResourceGroup()) {
      groups.requireActive(scope);
      return store.clustersIn(scope);
    }
    return store.clustersInSubscription(scope.subscriptionId());
  }

  /** The patch version the cluster runs. */
  public String currentVersion(ManagedCluster c) {
    return versions.resolve(c.spec().kubernetesVersion()).orElse(c.spec().kubernetesVersion());
  }

  public Written createOrUpdate(ResourceId id, ClusterRequest request) {
    rules.validateClusterName(id.name());
    String groupLocation = groups.requireActive(id.resourceGroupId().orElseThrow());
    Optional<ManagedCluster> existing = store.cluster(id);
    existing.ifPresent(ClusterService::requireIdle);
    if (existing.isPresent() && !existing.get().location().equalsIgnoreCase(request.location())) {
      throw ContainerServiceError.PROPERTY_CHANGE.exception("location");
    }
    ClusterSpec spec = request.spec();
    String version =
        versions
            .resolve(spec.kubernetesVersion())
            .orElseThrow(
                () ->
                    ContainerServiceError.VERSION_NOT_SUPPORTED
                        .exception(spec.kubernetesVersion())
                        .withTarget("kubernetesVersion"));
    Map<String, PoolSpec> pools = new LinkedHashMap<>();
    existing.ifPresent(c -> store.pools(c.id()).forEach(p -> pools.put(p.id().name(), p.spec())));
    pools.putAll(request.pools());
    if (pools.isEmpty()) {
      throw ContainerServiceError.INVALID_PARAMETER
          .exception("The agentPoolProfiles must contain at least one agent pool.")
          .withTarget("agentPoolProfiles");
    }
    pools.keySet().forEach(rules::validatePoolName);
    boolean byoVnet = pools.values().stream().anyMatch(p -> p.vnetSubnetId() != null);
    rules.validate(spec, version, pools, existing.map(ManagedCluster::spec).orElse(null), byoVnet);
    references.validate(id, spec, pools);
    Instant now = clock.instant();
    boolean created = existing.isEmpty();
    ProvisioningState state = created ? ProvisioningState.Creating : ProvisioningState.Updating;
    String location =
        created ? groupLocationOr(request.location(), groupLocation) : request.location();
    Written written =
        store
            .database()
            .inTransaction(
                c -> {
                  ClusterStatus status =
                      existing
                          .map(e -> e.status().with(state, now))
                          .orElseGet(() -> newStatus(id, spec, now));
                  ManagedCluster cluster =
                      new ManagedCluster(id, location, request.tags(), spec, status, Etags.next());
                  store.save(cluster);
                  for (Map.Entry<String, PoolSpec> e : pools.entrySet()) {
                    savePool(id.child("agentPools", e.getKey()), e.getValue(), now);
                  }
                  return new Written(
                      cluster, lro.start(id, created ? "Create" : "Update"), created);
                });
    lro.reconcile(id);
    return written;
  }

  /**
   * Writes a pool's spec and starts it converging; nodes that failed are tried again, Ready ones
   * keep their configuration.
   */
  void savePool(ResourceId poolId, PoolSpec spec, Instant now) {
    Optional<AgentPool> old = store.pool(poolId);
    ProvisioningState state =
        old.isPresent() ? ProvisioningState.Updating : ProvisioningState.Creating;
    PoolStatus status =
        old.map(p -> p.status().with(state, now).withNodes(retryFailed(p.status().nodes())))
            .orElse(new PoolStatus(state, now, 0, Naming.NODE_IMAGE, List.of()));
    store.save(new AgentPool(poolId, spec, status, Etags.next()));
  }

  private static List<Node> retryFailed(List<Node> nodes) {
    return nodes.stream()
        .map(
            n ->
                n.state() == Node.NodeState.Failed
                    ? new Node(
                        n.name(),
                        n.address(),
                        n.imageVersion(),
                        n.artifactSource(),
                        n.registryLoginServer(),
                        n.kubernetesVersion(),
                        -1,
                        Node.NodeState.Pending,
                        0,
                        null,
                        null,
                        null,
                        List.of())
                    : n)
        .toList();
  }

  private ClusterStatus newStatus(ResourceId id, ClusterSpec spec, Instant now) {
    boolean system = spec.identity().managed() && !spec.identity().userAssignedType();
    return new ClusterStatus(
        ProvisioningState.Creating,
        now,
        Naming.fqdnHash(id),
        Naming.hash8("uid|" + id.key()) + Naming.hash8("uid2|" + id.key()),
        system ? UUID.randomUUID().toString() : null,
        system ? tenantId : null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static String groupLocationOr(String requested, String groupLocation) {
    return requested != null
        ? requested.toLowerCase(java.util.Locale.ROOT).replace(" ", "")
        : groupLocation;
  }

  public ManagedCluster updateTags(ResourceId id, Map<String, String> tags) {
    return store
        .database()
        .inTransaction(
            c -> {
              ManagedCluster cluster = get(id);
              ManagedCluster updated = tags == null ? cluster : cluster.withTags(tags);
              store.save(updated);
              return updated;
            });
  }

  /** A delete under way; empty when there was no cluster (204). */
  public Optional<Written> beginDelete(ResourceId id) {
    Optional<Written> w =
        store
            .database()
            .inTransaction(
                c -> {
                  Optional<ManagedCluster> found = store.cluster(id);
                  if (found.isEmpty()) {
                    return Optional.<Written>empty();
                  }
                  ManagedCluster cluster = found.get();
                  if (cluster.status().provisioningState() == ProvisioningState.Deleting) {
                    List<Operation> running = lro.inProgress(id);
                    if (!running.isEmpty()) {
                      return Optional.of(new Written(cluster, running.get(0), false));
                    }
                  }
                  ManagedCluster deleting =
                      cluster.withStatus(
                          cluster.status().with(ProvisioningState.Deleting, clock.instant()));
                  store.save(deleting);
                  return Optional.of(new Written(deleting, lro.start(id, "Delete"), false));
                });
    w.ifPresent(x -> lro.reconcile(id));
    return w;
  }

  static void requireIdle(ManagedCluster c) {
    ProvisioningState s = c.status().provisioningState();
    if (!s.terminal()) {
      throw ContainerServiceError.OPERATION_IN_PROGRESS.exception(
          s.name().toLowerCase(java.util.Locale.ROOT), "managed cluster " + c.id().name());
    }
  }

  static RuntimeException notFound(ResourceId id) {
    return CommonError.RESOURCE_NOT_FOUND.exception(
        id.type().value() + "/" + id.name(), id.resourceGroup().orElse(""));
  }
}
