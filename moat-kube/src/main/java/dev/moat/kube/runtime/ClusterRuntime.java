package dev.moat.kube.runtime;

import dev.moat.kube.addons.SystemAddons;
import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.Loops;
import dev.moat.kube.controllers.DaemonSetController;
import dev.moat.kube.controllers.DeploymentController;
import dev.moat.kube.controllers.JobController;
import dev.moat.kube.controllers.ReplicaSetController;
import dev.moat.kube.controllers.ServiceIpController;
import dev.moat.kube.controllers.StatefulSetController;
import dev.moat.kube.kubelet.Kubelets;
import dev.moat.kube.runtime.ClusterState.ClusterNode;
import dev.moat.kube.scheduler.PodScheduler;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.FieldSelector;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.ListOptions;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.contracts.NodeRuntime;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One cluster's control plane and kubelets over its {@link ClusterObjects}: the Deployment,
 * ReplicaSet, DaemonSet and Job controllers, the scheduler and the nodes' kubelets, plus node sync
 * (Node objects from what the managed-cluster provider knows) and the system addons. Everything
 * lives in the store, so a new runtime over the same objects resumes where the last one stopped.
 */
public final class ClusterRuntime implements AutoCloseable {
  private static final String POD_CIDR_PREFIX = "10.244.";

  private final ClusterObjects objects;
  private final Clock clock;
  private final Map<String, NodeSpec> specs = new ConcurrentHashMap<>();
  private final List<AutoCloseable> parts = new ArrayList<>();
  private final Kubelets kubelets;
  private final ServiceIpController serviceIps;
  private volatile boolean addonsDone;
  private volatile String serviceCidr;

  ClusterRuntime(
      ClusterObjects objects,
      NodeRuntime runtime,
      Clock clock,
      Loops controllerLoops,
      Loops kubeletLoops) {
    this.objects = objects;
    this.clock = clock;
    EventRecorder events = new EventRecorder(objects, clock);
    DeploymentController deployments =
        new DeploymentController(objects, events, clock, controllerLoops);
    ReplicaSetController replicaSets = new ReplicaSetController(objects, events, controllerLoops);
    DaemonSetController daemonSets = new DaemonSetController(objects, events, controllerLoops);
    JobController jobs = new JobController(objects, events, clock, controllerLoops);
    StatefulSetController statefulSets =
        new StatefulSetController(objects, events, controllerLoops);
    PodScheduler scheduler = new PodScheduler(objects, events, clock, controllerLoops);
    this.serviceIps = new ServiceIpController(objects, () -> serviceCidr, controllerLoops);
    this.kubelets =
        new Kubelets(
            objects,
            runtime,
            node -> Optional.ofNullable(specs.get(node)),
            events,
            clock,
            kubeletLoops);
    parts.addAll(
        List.of(
            deployments,
            replicaSets,
            daemonSets,
            statefulSets,
            jobs,
            scheduler,
            serviceIps,
            kubelets));
    deployments.start();
    replicaSets.start();
    daemonSets.start();
    statefulSets.start();
    jobs.start();
    scheduler.start();
    serviceIps.start();
  }

  public ClusterObjects objects() {
    return objects;
  }

  /**
   * Brings the cluster's Node objects in line with {@code state}: new nodes appear, existing ones
   * get their labels, readiness and (after a reimage) a fresh image list, removed nodes go with
   * their pods. Idempotent; also creates the system addons once nodes exist.
   */
  synchronized void sync(ClusterState state) {
    if (!state.serviceCidr().equals(serviceCidr)) {
      serviceCidr = state.serviceCidr();
      serviceIps.cidrKnown();
    }
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    List<Node> existing = objects.list(Kinds.NODES, ListOptions.all()).items();
    Set<String> usedCidrs = new HashSet<>();
    existing.forEach(n -> usedCidrs.add(n.getSpec().getPodCIDR()));
    Set<String> wanted = new HashSet<>();
    for (ClusterNode n : state.nodes()) {
      wanted.add(n.name());
      specs.put(n.name(), n.spec());
      Optional<Node> current =
          existing.stream().filter(x -> x.getMetadata().getName().equals(n.name())).findFirst();
      if (current.isEmpty()) {
        String cidr = freeCidr(usedCidrs);
        usedCidrs.add(cidr);
        Node node = NodeObjects.build(n, cidr, now);
        NodeObjects.status(node, n, now, true);
        try {
          objects.create(Kinds.NODES, node);
        } catch (KubeException e) {
          if (e.code() != 409) {
            throw e;
          }
        }
        continue;
      }
      boolean reimaged =
          !String.valueOf(n.imagedAt())
              .equals(
                  current.get().getMetadata().getAnnotations() == null
                      ? null
                      : current.get().getMetadata().getAnnotations().get(NodeObjects.IMAGED_AT));
      objects.modify(
          Kinds.NODES,
          null,
          n.name(),
          false,
          x -> {
            x.getMetadata().getLabels().putAll(NodeObjects.labels(n, null));
            x.getMetadata()
                .getAnnotations()
                .put(NodeObjects.IMAGED_AT, String.valueOf(n.imagedAt()));
            x.getSpec().setTaints(NodeObjects.taints(n));
            return x;
          });
      objects.modify(
          Kinds.NODES,
          null,
          n.name(),
          true,
          x -> {
            NodeObjects.status(x, n, now, reimaged);
            return x;
          });
    }
    for (Node n : existing) {
      String name = n.getMetadata().getName();
      if (!wanted.contains(name)) {
        remove(name);
      }
    }
    if (!addonsDone && state.nodes().stream().anyMatch(ClusterNode::ready)) {
      Set<String> images = new LinkedHashSet<>();
      state.nodes().forEach(n -> n.images().forEach(i -> images.addAll(i.names())));
      SystemAddons.ensure(objects, List.copyOf(images), state.dnsServiceIp());
      addonsDone = true;
    }
  }

  /**
   * A node scaled away: its pods are evicted (removed at once: no kubelet stops them), then it
   * goes.
   */
  private void remove(String node) {
    specs.remove(node);
    for (Pod p :
        objects
            .list(
                Kinds.PODS,
                ListOptions.all().withFields(FieldSelector.equal("spec.nodeName", node)))
            .items()) {
      try {
        objects.delete(
            Kinds.PODS,
            p.getMetadata().getNamespace(),
            p.getMetadata().getName(),
            DeleteOptions.now());
      } catch (KubeException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    try {
      objects.delete(Kinds.NODES, null, node, DeleteOptions.background());
    } catch (KubeException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  private static String freeCidr(Set<String> used) {
    for (int i = 0; i < 256; i++) {
      String c = POD_CIDR_PREFIX + i + ".0/24";
      if (!used.contains(c)) {
        return c;
      }
    }
    throw new IllegalStateException("no free pod CIDR");
  }

  /** Starts the kubelets once the first sync told them which node specs exist. */
  void startKubelets() {
    kubelets.start();
  }

  @Override
  public void close() {
    for (AutoCloseable p : parts) {
      try {
        p.close();
      } catch (Exception e) {
        // closing is best effort; listeners are gone either way
      }
    }
  }
}
