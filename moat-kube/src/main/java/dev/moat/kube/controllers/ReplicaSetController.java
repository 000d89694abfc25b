package dev.moat.kube.controllers;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@code replicaset-controller}: keeps {@code spec.replicas} active pods ({@code <rs>-<5 chars>},
 * controller-owned), deleting surplus pods unscheduled first, then not ready, then newest ({@code
 * ActivePodsWithRanks}), and reports replicas, ready and available counts.
 */
public final class ReplicaSetController implements AutoCloseable {
  static final EventRecorder.Source SOURCE = EventRecorder.Source.of("replicaset-controller");

  private final ClusterObjects objects;
  private final EventRecorder events;
  private final KeyedLoop loop;
  private final RandomGenerator random = Names.random();
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  public ReplicaSetController(ClusterObjects objects, EventRecorder events, Loops loops) {
    this.objects = objects;
    this.events = events;
    this.loop = loops.create("replicaset", this::sync);
  }

  public void start() {
    registrations.add(objects.listen(Kinds.REPLICA_SETS, e -> loop.add(Owners.key(e.object()))));
    registrations.add(Owners.onOwnedPods(objects, "ReplicaSet", loop));
    objects
        .list(Kinds.REPLICA_SETS, dev.moat.kube.store.ListOptions.all())
        .items()
        .forEach(rs -> loop.add(Owners.key(rs)));
  }

  private Optional<Duration> sync(String key) {
    String ns = key.substring(0, key.indexOf('/'));
    String name = key.substring(key.indexOf('/') + 1);
    Optional<ReplicaSet> found = objects.get(Kinds.REPLICA_SETS, ns, name);
    if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    ReplicaSet rs = found.get();
    LabelSelector selector = LabelSelector.of(rs.getSpec().getSelector());
    List<Pod> active =
        new ArrayList<>(
            Owners.owned(objects, Kinds.PODS, rs, selector).stream()
                .filter(Owners::active)
                .toList());
    int desired = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    int diff = active.size() - desired;
    if (diff < 0) {
      for (int i = 0; i < -diff; i++) {
        create(rs).ifPresent(active::add);
      }
    } else if (diff > 0) {
      active.sort(deletionOrder());
      for (Pod p : List.copyOf(active.subList(0, diff))) {
        delete(rs, p);
        active.remove(p);
      }
    }
    int ready = (int) active.stream().filter(Owners::ready).count();
    int labelled = (int) active.stream().filter(p -> selector.matches(labels(p))).count();
    long generation =
        rs.getMetadata().getGeneration() == null ? 1 : rs.getMetadata().getGeneration();
    objects.modify(
        Kinds.REPLICA_SETS,
        ns,
        name,
        true,
        r -> {
          if (r.getStatus() == null) {
            r.setStatus(new io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus());
          }
          r.getStatus().setReplicas(active.size());
          r.getStatus().setFullyLabeledReplicas(labelled);
          r.getStatus().setReadyReplicas(ready);
          r.getStatus().setAvailableReplicas(ready);
          r.getStatus().setObservedGeneration(generation);
          return r;
        });
    return Optional.empty();
  }

  private static java.util.Map<String, String> labels(Pod p) {
    return p.getMetadata().getLabels() == null ? new HashMap<>() : p.getMetadata().getLabels();
  }

  /** Unscheduled, then not running, then not ready, then newest first. */
  private static Comparator<Pod> deletionOrder() {
    return Comparator.<Pod, Boolean>comparing(p -> p.getSpec().getNodeName() != null)
        .thenComparing(
            p -> "Running".equals(p.getStatus() == null ? null : p.getStatus().getPhase()))
        .thenComparing(Owners::ready)
        .thenComparing(p -> p.getMetadata().getCreationTimestamp(), Comparator.reverseOrder());
  }

  private Optional<Pod> create(ReplicaSet rs) {
    var template = rs.getSpec().getTemplate();
    Pod pod =
        new PodBuilder()
            .withNewMetadataLike(template.getMetadata())
            .withName(rs.getMetadata().getName() + "-" + Names.suffix(random))
            .withNamespace(rs.getMetadata().getNamespace())
            .withGenerateName(rs.getMetadata().getName() + "-")
            .withOwnerReferences(Owners.reference(rs))
            .endMetadata()
            .withSpec(template.getSpec())
            .build();
    try {
      Pod created = objects.create(Kinds.PODS, pod);
      events.normal(
          rs, null, SOURCE, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
      return Optional.of(created);
    } catch (KubeException e) {
      if (e.code() == 409) {
        return Optional.empty(); // name taken: the next sync creates another
      }
      events.warning(rs, null, SOURCE, "FailedCreate", "Error creating: " + e.getMessage());
      throw e;
    }
  }

  private void delete(ReplicaSet rs, Pod p) {
    try {
      objects.delete(
          Kinds.PODS,
          p.getMetadata().getNamespace(),
          p.getMetadata().getName(),
          DeleteOptions.background());
      events.normal(
          rs, null, SOURCE, "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName());
    } catch (KubeException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    registrations.forEach(ClusterObjects.Registration::close);
    loop.close();
  }
}
