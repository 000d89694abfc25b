package dev.moat.server;

import dev.moat.acr.AcrDataPlane;
import dev.moat.arm.http.HostDispatcher;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ArmRuntime;
import dev.moat.arm.runtime.MoatSettings;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.arm.runtime.RuntimeInfo;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.authorization.AuthorizationProvider;
import dev.moat.containerregistry.ContainerRegistryProvider;
import dev.moat.containerservice.ContainerServiceProvider;
import dev.moat.containerservice.service.ClusterKubeApi;
import dev.moat.fabric.EgressPolicies;
import dev.moat.fabric.FabricOptions;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.transport.NodePassports;
import dev.moat.kube.ClusterTokens;
import dev.moat.kube.KubectlRunner;
import dev.moat.kube.RunCommandProvider;
import dev.moat.kube.api.KubeApiHandler;
import dev.moat.kube.runtime.KubeRuntimes;
import dev.moat.kube.store.JdbcKubeStore;
import dev.moat.kube.store.KubeStore;
import dev.moat.managedidentity.ManagedIdentityProvider;
import dev.moat.managedidentity.http.ImdsService;
import dev.moat.mcr.BootstrapCatalog;
import dev.moat.mcr.SyntheticArtifacts;
import dev.moat.network.NetworkProvider;
import dev.moat.nodes.NodeAgents;
import dev.moat.nodes.NodeNetwork;
import dev.moat.platform.contracts.NodeRuntime;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.reconcile.ExecutorScheduler;
import dev.moat.privatedns.PrivateDnsProvider;
import dev.moat.resources.ResourcesProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The whole local cloud: every provider Moat serves, wired together on one {@link ArmRuntime}. */
public final class MoatCloud {
  private MoatCloud() {}

  public static ArmRuntime start(MoatSettings settings) throws Exception {
    return start(settings, Clock.systemUTC());
  }

  public static ArmRuntime start(MoatSettings settings, Clock clock) throws Exception {
    return ArmRuntime.start(settings, clock, MoatCloud::assemble);
  }

  /** Builds every provider and connects their contracts. */
  public static ProviderAssembler.Assembly assemble(ProviderContext context) {
    return assemble(context, wiring -> {});
  }

  /**
   * The same assembler, also handing the internal parts to {@code observer} (for tests that drive
   * node agents or read cache counters directly).
   */
  public static ProviderAssembler assembler(Consumer<Wiring> observer) {
    return context -> assemble(context, observer);
  }

  /** How often a team replica looks for cluster runtimes no live replica runs. */
  private static final java.time.Duration RUNTIME_SCAN = java.time.Duration.ofSeconds(5);

  /** Runs {@code resume} every {@link #RUNTIME_SCAN} until the timer closes. */
  private static void takeOverRuntimes(ExecutorScheduler timer, Runnable resume) {
    try {
      timer.schedule(
          () -> {
            try {
              resume.run();
            } catch (RuntimeException e) {
              org.slf4j.LoggerFactory.getLogger(MoatCloud.class)
                  .warn("cannot look for cluster runtimes to take over", e);
            }
            takeOverRuntimes(timer, resume);
          },
          RUNTIME_SCAN);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the cloud is stopping
    }
  }

  /** Parts of the cloud that are not resource providers. */
  public record Wiring(
      NetworkFabric fabric, AcrDataPlane dataPlane, NodeAgents nodes, KubeStore kubeStore) {}

  private static ProviderAssembler.Assembly assemble(
      ProviderContext context, Consumer<Wiring> observer) {
    ResourcesProvider resources = new ResourcesProvider(context);
    ManagedIdentityProvider identities = new ManagedIdentityProvider(context, resources.groups());
    AuthorizationProvider authorization =
        new AuthorizationProvider(
            context, resources.groups(), identities.principals().or(context.principals()::exists));
    PrivateDnsProvider privateDns = new PrivateDnsProvider(context, resources.groups());

    // Registries show the private endpoints connected to them, and private endpoints ask
    // registries what they offer: the network provider is created second, so registries reach
    // it through a reference set just below.
    AtomicReference<NetworkProvider> networkRef = new AtomicReference<>();
    PrivateEndpointConnections connections =
        target -> networkRef.get().connections().connectionsTo(target);
    AtomicReference<AcrDataPlane> dataPlaneRef = new AtomicReference<>();
    ContainerRegistryProvider registries =
        new ContainerRegistryProvider(
            context, resources.groups(), connections, RegistryAdapters.importer(dataPlaneRef::get));
    NetworkProvider network =
        new NetworkProvider(
            context, resources.groups(), registries.privateLinkTargets(), privateDns.records());
    networkRef.set(network);

    NetworkFabric fabric =
        new NetworkFabric(
            network.inventory(),
            privateDns.inventory(),
            privateDns.linkPolicies(),
            List.of(registries.publicNames()),
            EgressPolicies.none(),
            context.clock(),
            FabricOptions.defaults());
    fabric.start();

    NodePassports passports = new NodePassports();
    AcrDataPlane dataPlane =
        new AcrDataPlane(
            context.database(),
            context.settings().dataDir().resolve("registry"),
            context.clock(),
            context.ca().clientTrust(),
            context.tokens(),
            authorization.authorizer(),
            RegistryAdapters.registries(registries.directory()),
            RegistryAdapters.cacheRules(registries.directory()),
            fabric,
            passports,
            SyntheticArtifacts.small());
    dataPlaneRef.set(dataPlane);
    NodeNetwork nodeNetwork = new NodeNetwork();
    NodeAgents nodes =
        new NodeAgents(
            fabric,
            passports,
            identities.nodeCredentials(),
            identities.identities(),
            BootstrapCatalog.shipped(),
            nodeNetwork,
            context.tenancy().tenantId(),
            context.clock());
    ContainerServiceProvider clusters =
        new ContainerServiceProvider(
            context,
            resources.groups(),
            identities.identities(),
            authorization.authorizer(),
            network.subnetAddresses(),
            nodes);
    // Each cluster's Kubernetes API: objects in Moat's database, served under /moat/kube/{key}.
    JdbcKubeStore kubeStore = new JdbcKubeStore(context.database(), context.clock());
    observer.accept(new Wiring(fabric, dataPlane, nodes, kubeStore));

    RunCommandProvider commandInvoke =
        new RunCommandProvider(
            context,
            new KubectlRunner(
                new ClusterTokens(context.tokens()),
                context.ca().certificatePem(),
                ClusterKubeApi::key,
                "kubectl"));
    List<ResourceProvider> providers =
        List.of(
            resources,
            identities,
            authorization,
            privateDns,
            registries,
            network,
            clusters,
            commandInvoke);
    List<HostDispatcher.Route> routes = new ArrayList<>();
    routes.add(
        new HostDispatcher.Route(call -> ImdsService.handles(call.path()), identities.imds()));
    routes.add(
        new HostDispatcher.Route(
            call -> FabricRoutes.handles(call.path()), new FabricRoutes(fabric)));
    routes.add(
        new HostDispatcher.Route(
            call -> RegistryEndpointRoutes.handles(call.path()),
            new RegistryEndpointRoutes(dataPlane)));
    routes.add(
        DoctorWiring.route(
            context,
            fabric,
            network.inventory(),
            privateDns.inventory(),
            connections,
            registries.directory(),
            identities.identities(),
            authorization.authorizer()));
    List<Consumer<RuntimeInfo>> onStart =
        List.of(
            info -> {
              dataPlane.start(info);
              nodeNetwork.bind(dataPlane.ingressBase(), info.endpoint(), info.clientTrust());
            });
    KubeApiHandler kubeApi =
        new KubeApiHandler(clusters.kubeClusters(), kubeStore, context.clock());
    // Each cluster's controllers, scheduler and kubelets over its objects, fed by node sync.
    // NodeAgents implements NodeRuntime from branch nodes-reg on; before that merge no cluster
    // runtime starts (Nodes and pods then appear only through the API).
    ExecutorScheduler kubeTimer = new ExecutorScheduler();
    // On a team server each cluster's runtime runs in one replica, under a lease next to the
    // reconcile engine's (renewed by the engine's timer); a single server's leases are its own.
    KubeRuntimes.Ownership ownership =
        new KubeRuntimes.Ownership() {
          @Override
          public boolean claim(String key) {
            return context.leases().claim("kube-runtime:" + key);
          }

          @Override
          public void release(String key) {
            context.leases().release("kube-runtime:" + key);
          }
        };
    KubeRuntimes kubeRuntimes =
        ((Object) nodes) instanceof NodeRuntime nodeRuntime
            ? new KubeRuntimes(kubeStore, nodeRuntime, context.clock(), kubeTimer, 2, 16, ownership)
            : null;
    List<Consumer<RuntimeInfo>> started = new ArrayList<>(onStart);
    if (kubeRuntimes != null) {
      List<String> subscriptions =
          context.tenancy().subscriptions().stream()
              .map(Tenancy.Subscription::subscriptionId)
              .toList();
      started.add(info -> clusters.kubeNodes().attach(kubeRuntimes, subscriptions));
      if (context.leases().shared()) {
        started.add(
            info ->
                takeOverRuntimes(
                    kubeTimer, () -> clusters.kubeNodes().resumeStopped(subscriptions)));
      }
    }
    List<AutoCloseable> closeables =
        new ArrayList<>(List.of(fabric, dataPlane, clusters, kubeStore, kubeTimer));
    if (kubeRuntimes != null) {
      closeables.add(kubeRuntimes); // closed first: newest first
    }
    return new ProviderAssembler.Assembly(
        providers, routes, closeables, List.of(dataPlane.handler(), kubeApi), started);
  }
}
