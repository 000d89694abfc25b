package dev.moat.kube.controllers;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.scheduler.Fit;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeJson;
import dev.moat.kube.store.LabelSelector;
import dev.moat.kube.store.ListOptions;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@code daemonset-controller}: one pod per eligible node (the template's nodeSelector, node
 * affinity and taints, with the tolerations a DaemonSet's pods always get), bound through the
 * scheduler by a required node affinity on {@code metadata.name} as in Kubernetes ≥1.12; pods of
 * nodes that went or no longer fit are deleted; a changed template replaces pods one node at a time
 * ({@code RollingUpdate}, maxUnavailable 1).
 */
public final class DaemonSetController implements AutoCloseable {
  static final EventRecorder.Source SOURCE = EventRecorder.Source.of("daemonset-controller");
  static final String REVISION_HASH = "controller-revision-hash";

  private final ClusterObjects objects;
  private final EventRecorder events;
  private final KeyedLoop loop;
  private final RandomGenerator random = Names.random();
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  public DaemonSetController(ClusterObjects objects, EventRecorder events, Loops loops) {
    this.objects = objects;
    this.events = events;
    this.loop = loops.create("daemonset", this::sync);
  }

  public void start() {
    registrations.add(objects.listen(Kinds.DAEMON_SETS, e -> loop.add(Owners.key(e.object()))));
    registrations.add(Owners.onOwnedPods(objects, "DaemonSet", loop));
    registrations.add(objects.listen(Kinds.NODES, e -> all()));
    all();
  }

  private void all() {
    objects
        .list(Kinds.DAEMON_SETS, ListOptions.all())
        .items()
        .forEach(d -> loop.add(Owners.key(d)));
  }

  /**
   * The tolerations the DaemonSet controller adds to every daemon pod ({@code
   * AddOrUpdateDaemonPodTolerations}).
   */
  static List<Toleration> daemonTolerations() {
    List<Toleration> t = new ArrayList<>();
    t.add(tol("node.kubernetes.io/not-ready", "Exists", "NoExecute"));
    t.add(tol("node.kubernetes.io/unreachable", "Exists", "NoExecute"));
    t.add(tol("node.kubernetes.io/disk-pressure", "Exists", "NoSchedule"));
    t.add(tol("node.kubernetes.io/memory-pressure", "Exists", "NoSchedule"));
    t.add(tol("node.kubernetes.io/pid-pressure", "Exists", "NoSchedule"));
    t.add(tol("node.kubernetes.io/unschedulable", "Exists", "NoSchedule"));
    return t;
  }

  private static Toleration tol(String key, String op, String effect) {
    return new TolerationBuilder().withKey(key).withOperator(op).withEffect(effect).build();
  }

  private Optional<Duration> sync(String key) {
    String ns = key.substring(0, key.indexOf('/'));
    String name = key.substring(key.indexOf('/') + 1);
    Optional<DaemonSet> found = objects.get(Kinds.DAEMON_SETS, ns, name);
    if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    DaemonSet ds = found.get();
    String hash = Names.templateHash(ds.getSpec().getTemplate(), null);
    List<Node> nodes = objects.list(Kinds.NODES, ListOptions.all()).items();
    Pod template = templatePod(ds);
    Map<String, List<Pod>> byNode = new HashMap<>();
    for (Pod p :
        Owners.owned(objects, Kinds.PODS, ds, LabelSelector.of(ds.getSpec().getSelector()))) {
      if (Owners.active(p)) {
        byNode.computeIfAbsent(target(p), k -> new ArrayList<>()).add(p);
      }
    }
    int desired = 0;
    int current = 0;
    int ready = 0;
    int updated = 0;
    int misscheduled = 0;
    List<Pod> outdated = new ArrayList<>();
    for (Node n : nodes) {
      String node = n.getMetadata().getName();
      boolean eligible = Fit.reject(template, n, 0).isEmpty();
      List<Pod> pods = byNode.remove(node);
      if (eligible) {
        desired++;
        if (pods == null || pods.isEmpty()) {
          create(ds, node, hash);
          continue;
        }
        current++;
        for (int i = 1; i < pods.size(); i++) {
          delete(ds, pods.get(i)); // one pod per node
        }
        Pod p = pods.get(0);
        if (Owners.ready(p)) {
          ready++;
        }
        if (hash.equals(label(p, REVISION_HASH))) {
          updated++;
        } else {
          outdated.add(p);
        }
      } else if (pods != null) {
        misscheduled += pods.size();
        pods.forEach(p -> delete(ds, p));
      }
    }
    byNode.values().forEach(ps -> ps.forEach(p -> delete(ds, p))); // nodes that are gone
    if (!outdated.isEmpty() && ready == current) {
      delete(ds, outdated.get(0)); // RollingUpdate, maxUnavailable 1: one node at a time
    }
    long generation =
        ds.getMetadata().getGeneration() == null ? 1 : ds.getMetadata().getGeneration();
    int fDesired = desired;
    int fCurrent = current;
    int fReady = ready;
    int fUpdated = updated;
    int fMis = misscheduled;
    objects.modify(
        Kinds.DAEMON_SETS,
        ns,
        name,
        true,
        d -> {
          if (d.getStatus() == null) {
            d.setStatus(new io.fabric8.kubernetes.api.model.apps.DaemonSetStatus());
          }
          var s = d.getStatus();
          s.setDesiredNumberScheduled(fDesired);
          s.setCurrentNumberScheduled(fCurrent);
          s.setNumberReady(fReady);
          s.setNumberAvailable(fReady);
          s.setNumberUnavailable(fDesired - fReady == 0 ? null : fDesired - fReady);
          s.setUpdatedNumberScheduled(fUpdated);
          s.setNumberMisscheduled(fMis);
          s.setObservedGeneration(generation);
          return d;
        });
    return Optional.empty();
  }

  /**
   * The template as a pod, with the tolerations every daemon pod gets: what decides eligibility.
   */
  private static Pod templatePod(DaemonSet ds) {
    PodSpec spec =
        KubeJson.mapper()
            .convertValue(KubeJson.tree(ds.getSpec().getTemplate().getSpec()), PodSpec.class);
    List<Toleration> tolerations =
        new ArrayList<>(spec.getTolerations() == null ? List.of() : spec.getTolerations());
    tolerations.addAll(daemonTolerations());
    spec.setTolerations(tolerations);
    return new PodBuilder().withNewMetadata().endMetadata().withSpec(spec).build();
  }

  /**
   * The daemon pod for {@code node}: its required node affinity becomes the node's name ({@code
   * ReplaceDaemonSetPodNodeNameNodeAffinity}), so the scheduler binds it there.
   */
  private static Pod forNode(DaemonSet ds, String node) {
    Pod pod = templatePod(ds);
    PodSpec spec = pod.getSpec();
    var term =
        new io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder()
            .withMatchFields(
                new NodeSelectorRequirementBuilder()
                    .withKey("metadata.name")
                    .withOperator("In")
                    .withValues(node)
                    .build())
            .build();
    var affinity =
        spec.getAffinity() == null
            ? new io.fabric8.kubernetes.api.model.Affinity()
            : spec.getAffinity();
    var nodeAffinity =
        affinity.getNodeAffinity() == null
            ? new io.fabric8.kubernetes.api.model.NodeAffinity()
            : affinity.getNodeAffinity();
    nodeAffinity.setRequiredDuringSchedulingIgnoredDuringExecution(
        new io.fabric8.kubernetes.api.model.NodeSelector(List.of(term)));
    affinity.setNodeAffinity(nodeAffinity);
    spec.setAffinity(affinity);
    return pod;
  }

  private void create(DaemonSet ds, String node, String hash) {
    Pod pod = forNode(ds, node);
    var meta = ds.getSpec().getTemplate().getMetadata();
    Map<String, String> labels =
        new HashMap<>(meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels());
    labels.put(REVISION_HASH, hash);
    labels.put(
        "pod-template-generation",
        String.valueOf(
            ds.getMetadata().getGeneration() == null ? 1 : ds.getMetadata().getGeneration()));
    pod.getMetadata().setName(ds.getMetadata().getName() + "-" + Names.suffix(random));
    pod.getMetadata().setGenerateName(ds.getMetadata().getName() + "-");
    pod.getMetadata().setNamespace(ds.getMetadata().getNamespace());
    pod.getMetadata().setLabels(labels);
    pod.getMetadata().setAnnotations(meta == null ? null : meta.getAnnotations());
    pod.getMetadata().setOwnerReferences(List.of(Owners.reference(ds)));
    try {
      Pod created = objects.create(Kinds.PODS, pod);
      events.normal(
          ds, null, SOURCE, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
    } catch (KubeException e) {
      if (e.code() != 409) {
        events.warning(ds, null, SOURCE, "FailedCreate", "Error creating: " + e.getMessage());
        throw e;
      }
    }
  }

  private void delete(DaemonSet ds, Pod p) {
    try {
      objects.delete(
          Kinds.PODS,
          p.getMetadata().getNamespace(),
          p.getMetadata().getName(),
          DeleteOptions.background());
      events.normal(
          ds, null, SOURCE, "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName());
    } catch (KubeException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  /** The node a daemon pod is for: where it is bound, else its required {@code metadata.name}. */
  private static String target(Pod p) {
    if (p.getSpec().getNodeName() != null) {
      return p.getSpec().getNodeName();
    }
    try {
      return p.getSpec()
          .getAffinity()
          .getNodeAffinity()
          .getRequiredDuringSchedulingIgnoredDuringExecution()
          .getNodeSelectorTerms()
          .get(0)
          .getMatchFields()
          .get(0)
          .getValues()
          .get(0);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String label(Pod p, String key) {
    return p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(key);
  }

  @Override
  public void close() {
    registrations.forEach(ClusterObjects.Registration::close);
    loop.close();
  }
}
