package dev.moat.containerservice;

import dev.moat.arm.auth.Principal;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.containerservice.http.AgentPoolRoutes;
import dev.moat.containerservice.http.KubernetesVersionRoutes;
import dev.moat.containerservice.http.MachineRoutes;
import dev.moat.containerservice.http.ManagedClusterRoutes;
import dev.moat.containerservice.http.OperationRoutes;
import dev.moat.containerservice.model.ClusterStore;
import dev.moat.containerservice.model.ContainerServiceTypes;
import dev.moat.containerservice.reconcile.AgentPoolReconciler;
import dev.moat.containerservice.reconcile.ClusterInfrastructure;
import dev.moat.containerservice.reconcile.ClusterReconcilerBase;
import dev.moat.containerservice.reconcile.ManagedClusterReconciler;
import dev.moat.containerservice.reconcile.ManagedRegistry;
import dev.moat.containerservice.reconcile.NodeLaunches;
import dev.moat.containerservice.reconcile.PoolConvergence;
import dev.moat.containerservice.reconcile.PrivateApiServer;
import dev.moat.containerservice.reconcile.RpArm;
import dev.moat.containerservice.service.ClusterKubeApi;
import dev.moat.containerservice.service.ClusterService;
import dev.moat.containerservice.service.Kubeconfigs;
import dev.moat.containerservice.service.PoolService;
import dev.moat.containerservice.validation.ClusterRules;
import dev.moat.containerservice.validation.KubernetesVersions;
import dev.moat.containerservice.validation.ReferenceRules;
import dev.moat.containerservice.validation.References;
import dev.moat.kube.ClusterTokens;
import dev.moat.kube.KubeClusters;
import dev.moat.platform.contracts.Authorizer;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.contracts.NodeBootstrapper;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.contracts.SubnetAddresses;
import dev.moat.platform.reconcile.OperationRepository;
import dev.moat.platform.reconcile.Reconciler;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Microsoft.ContainerService}: managed clusters and agent pools, network-isolated or not.
 * Owns the small executor node bootstraps run on ({@link #close()}); a node's egress follows the
 * outbound type it was imaged with (see {@code NodeBootstrapper.NodeSpec#outboundType}).
 *
 * <p>The May-2025 one-step enable (NI3) is the default; the 2026 two-phase rule is on when the
 * system property {@value #TWO_PHASE_PROPERTY} is {@code true} or with the constructor flag.
 */
public final class ContainerServiceProvider implements ResourceProvider, AutoCloseable {
  private final ClusterKubeApi kubeApi;

  /** Enables the 2026 two-phase network-isolation enable rule (NI3). */
  public static final String TWO_PHASE_PROPERTY = "moat.aks.twoPhaseNetworkIsolation";

  /** The object id of the "AKS Resource Provider" service principal internal calls run as. */
  public static final String RP_OBJECT_ID = "6d6f6174-616b-4000-8000-000000000a45";

  static final int BOOTSTRAP_THREADS = 4;

  private final List<ArmOperation> operations = new ArrayList<>();
  private final List<Reconciler> reconcilers;
  private final NodeLaunches launches;

  public ContainerServiceProvider(
      ProviderContext context,
      ResourceGroups groups,
      ManagedIdentities identities,
      Authorizer authorizer,
      SubnetAddresses addresses,
      NodeBootstrapper nodes) {
    this(
        context,
        groups,
        identities,
        authorizer,
        addresses,
        nodes,
        Boolean.getBoolean(TWO_PHASE_PROPERTY));
  }

  public ContainerServiceProvider(
      ProviderContext context,
      ResourceGroups groups,
      ManagedIdentities identities,
      Authorizer authorizer,
      SubnetAddresses addresses,
      NodeBootstrapper nodes,
      boolean twoPhaseNetworkIsolation) {
    Principal rp =
        new Principal(
            context.tenancy().tenantId(),
            RP_OBJECT_ID,
            RP_OBJECT_ID,
            Principal.PrincipalType.ServicePrincipal,
            "AKS Resource Provider");
    ClusterStore store = new ClusterStore(context.documents());
    ClusterTokens clusterTokens = new ClusterTokens(context.tokens());
    this.kubeApi = new ClusterKubeApi(store, clusterTokens);
    KubernetesVersions versions = new KubernetesVersions();
    ClusterRules rules = new ClusterRules(twoPhaseNetworkIsolation);
    ReferenceRules references =
        new ReferenceRules(new References(context.internalArm(), rp), identities, authorizer);
    ClusterService clusters =
        new ClusterService(
            store,
            groups,
            rules,
            references,
            versions,
            context.lro(),
            context.clock(),
            context.tenancy().tenantId());
    PoolService pools =
        new PoolService(
            store, clusters, rules, references, versions, context.lro(), context.clock());
    Kubeconfigs kubeconfigs = new Kubeconfigs(clusterTokens, context.ca().certificatePem());
    operations.addAll(
        new ManagedClusterRoutes(clusters, kubeconfigs, identities, context.lro()).operations());
    operations.addAll(new AgentPoolRoutes(pools, clusters, context.lro()).operations());
    operations.addAll(new MachineRoutes(pools).operations());
    operations.addAll(new KubernetesVersionRoutes(versions).operations());
    operations.addAll(
        new OperationRoutes(new OperationRepository(context.database(), context.clock()))
            .operations());

    RpArm arm = new RpArm(context.internalArm(), rp);
    ClusterInfrastructure infrastructure =
        new ClusterInfrastructure(
            arm, identities, new ManagedRegistry(arm), new PrivateApiServer(arm, addresses));
    this.launches = new NodeLaunches(nodes, BOOTSTRAP_THREADS, context.lro()::reconcile);
    PoolConvergence convergence =
        new PoolConvergence(store, addresses, launches, context.clock(), kubeApi);
    ClusterReconcilerBase.Parts parts =
        new ClusterReconcilerBase.Parts(
            store,
            infrastructure,
            convergence,
            addresses,
            versions,
            context.clock(),
            context.settings().provisioningDelay());
    this.reconcilers = List.of(new ManagedClusterReconciler(parts), new AgentPoolReconciler(parts));
  }

  /** The egress each cluster's outbound type gives the subnets its pools use (for the fabric). */
  /** Node sync into the clusters' Kubernetes runtimes (wired by the server). */
  public ClusterKubeApi kubeNodes() {
    return kubeApi;
  }

  /** The clusters' Kubernetes APIs, for {@code moat-kube}'s API service. */
  public KubeClusters kubeClusters() {
    return kubeApi;
  }

  @Override
  public String namespace() {
    return ContainerServiceTypes.NAMESPACE;
  }

  @Override
  public List<ArmOperation> operations() {
    return List.copyOf(operations);
  }

  @Override
  public List<Reconciler> reconcilers() {
    return reconcilers;
  }

  /** Stops the node-bootstrap executor. */
  @Override
  public void close() {
    launches.close();
  }
}
