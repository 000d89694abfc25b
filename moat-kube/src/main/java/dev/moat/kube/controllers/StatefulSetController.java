package dev.moat.kube.controllers;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.LabelSelector;
import dev.moat.kube.store.ListOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code statefulset-controller}: pods with stable ordered names ({@code <set>-0}, {@code <set>-1},
 * …), labelled with {@code controller-revision-hash}, {@code statefulset.kubernetes.io/pod-name}
 * and {@code apps.kubernetes.io/pod-index}. With {@code OrderedReady} (the default) ordinal {@code
 * i} is created only once {@code 0..i-1} are Running and Ready, and scale-down removes the highest
 * ordinal first, one at a time; {@code Parallel} creates and deletes at once. {@code RollingUpdate}
 * replaces pods at ordinals {@code >= partition} whose revision is old, highest first, one at a
 * time once all pods are ready; {@code OnDelete} waits for the user. Status carries the counts and
 * the current/update revisions {@code kubectl rollout status} reads. No ControllerRevision objects
 * are kept (the revision is the template hash), so {@code rollout undo} of a StatefulSet is not
 * available; volume claim templates are not bound.
 */
public final class StatefulSetController implements AutoCloseable {
  static final EventRecorder.Source SOURCE = EventRecorder.Source.of("statefulset-controller");
  static final String REVISION = "controller-revision-hash";
  static final String POD_NAME = "statefulset.kubernetes.io/pod-name";
  static final String POD_INDEX = "apps.kubernetes.io/pod-index";

  private final ClusterObjects objects;
  private final EventRecorder events;
  private final KeyedLoop loop;
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  public StatefulSetController(ClusterObjects objects, EventRecorder events, Loops loops) {
    this.objects = objects;
    this.events = events;
    this.loop = loops.create("statefulset", this::sync);
  }

  public void start() {
    registrations.add(objects.listen(Kinds.STATEFUL_SETS, e -> loop.add(Owners.key(e.object()))));
    registrations.add(Owners.onOwnedPods(objects, "StatefulSet", loop));
    objects
        .list(Kinds.STATEFUL_SETS, ListOptions.all())
        .items()
        .forEach(s -> loop.add(Owners.key(s)));
  }

  private Optional<Duration> sync(String key) {
    String ns = key.substring(0, key.indexOf('/'));
    String name = key.substring(key.indexOf('/') + 1);
    Optional<StatefulSet> found = objects.get(Kinds.STATEFUL_SETS, ns, name);
    if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    StatefulSet set = found.get();
    String revision = name + "-" + Names.templateHash(set.getSpec().getTemplate(), null);
    int desired = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
    boolean parallel = "Parallel".equals(set.getSpec().getPodManagementPolicy());
    Map<Integer, Pod> pods = new TreeMap<>();
    for (Pod p :
        Owners.owned(objects, Kinds.PODS, set, LabelSelector.of(set.getSpec().getSelector()))) {
      ordinal(name, p).ifPresent(i -> pods.put(i, p));
    }

    boolean blocked = false;
    for (int i = 0; i < desired && !blocked; i++) {
      Pod p = pods.get(i);
      if (p == null) {
        Optional<Pod> created = create(set, i, revision);
        if (created.isPresent()) {
          pods.put(i, created.get());
        }
        blocked = !parallel;
      } else if (!Owners.active(p) && p.getMetadata().getDeletionTimestamp() == null) {
        delete(set, p); // a failed or finished pod is replaced under the same name
        blocked = !parallel;
      } else if (!parallel && !(running(p) && Owners.ready(p))) {
        blocked = true; // OrderedReady: the next ordinal waits for this one
      }
    }
    boolean allReady =
        pods.values().stream().allMatch(p -> running(p) && Owners.ready(p))
            && pods.size() >= desired;
    List<Integer> surplus =
        pods.keySet().stream().filter(i -> i >= desired).sorted((a, b) -> b - a).toList();
    for (int i : surplus) {
      if (!parallel && (!allReady || pods.get(i).getMetadata().getDeletionTimestamp() != null)) {
        break;
      }
      delete(set, pods.get(i));
      if (!parallel) {
        break;
      }
    }
    if (surplus.isEmpty() && allReady && rolling(set)) {
      int partition = partition(set);
      for (int i = desired - 1; i >= partition; i--) {
        Pod p = pods.get(i);
        if (p != null && !revision.equals(label(p, REVISION))) {
          delete(set, p); // recreated at the new revision by the next sync
          break;
        }
      }
    }
    writeStatus(set, pods, desired, revision);
    return Optional.empty();
  }

  private void writeStatus(StatefulSet set, Map<Integer, Pod> pods, int desired, String revision) {
    int ready = 0;
    int updated = 0;
    for (Pod p : pods.values()) {
      if (!Owners.active(p)) {
        continue;
      }
      ready += running(p) && Owners.ready(p) ? 1 : 0;
      updated += revision.equals(label(p, REVISION)) ? 1 : 0;
    }
    int replicas = (int) pods.values().stream().filter(Owners::active).count();
    int readyCount = ready;
    int updatedCount = updated;
    long generation =
        set.getMetadata().getGeneration() == null ? 1 : set.getMetadata().getGeneration();
    boolean complete = updatedCount == desired && replicas == desired;
    objects.modify(
        Kinds.STATEFUL_SETS,
        set.getMetadata().getNamespace(),
        set.getMetadata().getName(),
        true,
        s -> {
          StatefulSetStatus st = s.getStatus() == null ? new StatefulSetStatus() : s.getStatus();
          String current = st.getCurrentRevision() == null ? revision : st.getCurrentRevision();
          st.setReplicas(replicas);
          st.setReadyReplicas(readyCount);
          st.setAvailableReplicas(readyCount);
          st.setUpdatedReplicas(updatedCount);
          st.setCurrentRevision(complete ? revision : current);
          st.setCurrentReplicas(complete ? updatedCount : replicas - updatedCount);
          st.setUpdateRevision(revision);
          st.setObservedGeneration(generation);
          st.setCollisionCount(0);
          s.setStatus(st);
          return s;
        });
  }

  private Optional<Pod> create(StatefulSet set, int ordinal, String revision) {
    String podName = set.getMetadata().getName() + "-" + ordinal;
    var template = set.getSpec().getTemplate();
    Map<String, String> labels =
        new HashMap<>(
            template.getMetadata() == null || template.getMetadata().getLabels() == null
                ? Map.of()
                : template.getMetadata().getLabels());
    labels.put(REVISION, revision);
    labels.put(POD_NAME, podName);
    labels.put(POD_INDEX, String.valueOf(ordinal));
    Pod pod =
        new PodBuilder()
            .withNewMetadataLike(template.getMetadata())
            .withName(podName)
            .withNamespace(set.getMetadata().getNamespace())
            .withLabels(labels)
            .withOwnerReferences(Owners.reference(set))
            .endMetadata()
            .withSpec(template.getSpec())
            .editSpec()
            .withHostname(podName)
            .withSubdomain(set.getSpec().getServiceName())
            .endSpec()
            .build();
    try {
      Pod created = objects.create(Kinds.PODS, pod);
      events.normal(
          set,
          null,
          SOURCE,
          "SuccessfulCreate",
          "create Pod "
              + podName
              + " in StatefulSet "
              + set.getMetadata().getName()
              + " successful");
      return Optional.of(created);
    } catch (KubeException e) {
      if (e.code() == 409) {
        return Optional.empty(); // the old pod of this ordinal is still going away
      }
      throw e;
    }
  }

  private void delete(StatefulSet set, Pod p) {
    if (p.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    try {
      objects.delete(
          Kinds.PODS,
          p.getMetadata().getNamespace(),
          p.getMetadata().getName(),
          DeleteOptions.background());
      events.normal(
          set,
          null,
          SOURCE,
          "SuccessfulDelete",
          "delete Pod "
              + p.getMetadata().getName()
              + " in StatefulSet "
              + set.getMetadata().getName()
              + " successful");
    } catch (KubeException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  private static boolean rolling(StatefulSet set) {
    var strategy = set.getSpec().getUpdateStrategy();
    return strategy == null || !"OnDelete".equals(strategy.getType());
  }

  private static int partition(StatefulSet set) {
    var strategy = set.getSpec().getUpdateStrategy();
    if (strategy == null
        || strategy.getRollingUpdate() == null
        || strategy.getRollingUpdate().getPartition() == null) {
      return 0;
    }
    return strategy.getRollingUpdate().getPartition();
  }

  /** The ordinal of {@code <set>-<n>}, if the pod is named so. */
  static Optional<Integer> ordinal(String set, Pod p) {
    String n = p.getMetadata().getName();
    if (!n.startsWith(set + "-")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(n.substring(set.length() + 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean running(Pod p) {
    return p.getMetadata().getDeletionTimestamp() == null
        && "Running".equals(p.getStatus() == null ? null : p.getStatus().getPhase());
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
