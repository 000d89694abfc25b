package dev.moat.kube.controllers;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.control.ObjectIndex;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Pods created per write transaction at most (slow start doubles up to it). */
  private static final int MAX_BATCH = 64;

  private final RandomGenerator random = Names.random();
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  /**
   * What the controller needs of a controlled pod, from the pod cache: its controller's uid, labels
   * (for the selector), whether it counts, is ready, is bound, is Running, and its creation.
   */
  record Member(
      String ownerUid,
      Map<String, String> labels,
      boolean active,
      boolean ready,
      boolean bound,
      boolean running,
      String created) {
    static Member of(Pod p) {
      Optional<String> owner =
          Owners.controllerOf(p).filter(r -> "ReplicaSet".equals(r.getKind())).map(r -> r.getUid());
      if (owner.isEmpty()) {
        return null;
      }
      return new Member(
          owner.get(),
          Map.copyOf(ReplicaSetController.labels(p)),
          Owners.active(p),
          Owners.ready(p),
          p.getSpec() != null && p.getSpec().getNodeName() != null,
          "Running".equals(p.getStatus() == null ? null : p.getStatus().getPhase()),
          p.getMetadata().getCreationTimestamp() == null
              ? ""
              : p.getMetadata().getCreationTimestamp());
    }
  }

  /** Controlled pods by their ReplicaSet's uid (pod keys), kept by {@link #pods}. */
  private final Map<String, Set<String>> byOwner = new ConcurrentHashMap<>();

  private ObjectIndex<Pod, Member> pods;

  public ReplicaSetController(ClusterObjects objects, EventRecorder events, Loops loops) {
    this.objects = objects;
    this.events = events;
    this.loop = loops.create("replicaset", this::sync);
  }

  public void start() {
    registrations.add(objects.listen(Kinds.REPLICA_SETS, e -> loop.add(Owners.key(e.object()))));
    // The cache first: each pod event reaches it before the sync it triggers.
    pods = new ObjectIndex<>(objects, Kinds.PODS, Member::of, this::memberChanged);
    registrations.add(pods::close);
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
    // The pods it controls, from the pod cache: a sync costs this ReplicaSet's pods, not a list
    // and decode of every pod in the namespace.
    String uid = rs.getMetadata().getUid();
    String prefix = ns + "/";
    List<Map.Entry<String, Member>> active = new ArrayList<>();
    for (String podKey : byOwner.getOrDefault(uid, Set.of())) {
      Member m = pods.get(podKey);
      if (m != null
          && podKey.startsWith(prefix)
          && uid.equals(m.ownerUid())
          && m.active()
          && selector.matches(m.labels())) {
        active.add(Map.entry(podKey, m));
      }
    }
    int desired = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    int diff = active.size() - desired;
    if (diff < 0) {
      for (Pod p : create(rs, -diff)) {
        active.add(Map.entry(ObjectIndex.key(p), Member.of(p)));
      }
    } else if (diff > 0) {
      active.sort(deletionOrder());
      for (Map.Entry<String, Member> p : List.copyOf(active.subList(0, diff))) {
        delete(rs, p.getKey());
        active.remove(p);
      }
    }
    int ready = (int) active.stream().filter(p -> p.getValue().ready()).count();
    int labelled =
        (int) active.stream().filter(p -> selector.matches(p.getValue().labels())).count();
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

  private void memberChanged(String podKey, Member before, Member after) {
    if (before != null && (after == null || !before.ownerUid().equals(after.ownerUid()))) {
      Set<String> keys = byOwner.get(before.ownerUid());
      if (keys != null) {
        keys.remove(podKey);
        if (keys.isEmpty()) {
          byOwner.remove(before.ownerUid(), keys);
        }
      }
    }
    if (after != null) {
      byOwner.computeIfAbsent(after.ownerUid(), k -> ConcurrentHashMap.newKeySet()).add(podKey);
    }
  }

  private static long rv(Pod p) {
    return Long.parseLong(p.getMetadata().getResourceVersion());
  }

  private static Map<String, String> labels(Pod p) {
    return p.getMetadata().getLabels() == null ? new HashMap<>() : p.getMetadata().getLabels();
  }

  /** Unscheduled, then not running, then not ready, then newest first. */
  private static Comparator<Map.Entry<String, Member>> deletionOrder() {
    return Comparator.<Map.Entry<String, Member>, Boolean>comparing(p -> p.getValue().bound())
        .thenComparing(p -> p.getValue().running())
        .thenComparing(p -> p.getValue().ready())
        .thenComparing(p -> p.getValue().created(), Comparator.reverseOrder());
  }

  /**
   * Creates {@code count} pods in slow-start batches (1, 2, 4 … up to {@link #MAX_BATCH}, as
   * client-go's {@code slowStartBatch}), each batch one write transaction; stops at the first batch
   * with a failure other than a taken name, and rethrows it after its pods are accounted.
   */
  private List<Pod> create(ReplicaSet rs, int count) {
    List<Pod> made = new ArrayList<>();
    int batch = 1;
    for (int left = count; left > 0; ) {
      int n = Math.min(batch, left);
      left -= n;
      List<Pod> wanted = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        wanted.add(pod(rs));
      }
      KubeException failed = null;
      List<EventRecorder.Note> notes = new ArrayList<>();
      for (ClusterObjects.Created<Pod> c : objects.createAll(Kinds.PODS, wanted)) {
        if (c.object() != null) {
          Pod created = c.object();
          // The cache learns of its own creations at once (client-go's "expectations"), so a
          // sync that runs before their events arrive does not create them again.
          pods.put(ObjectIndex.key(created), Member.of(created), rv(created));
          made.add(created);
          notes.add(
              EventRecorder.Note.normal(
                  rs, null, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName()));
        } else if (c.error().code() != 409) { // a taken name: the next sync creates another
          events.warning(
              rs, null, SOURCE, "FailedCreate", "Error creating: " + c.error().getMessage());
          failed = failed == null ? c.error() : failed;
        }
      }
      events.recordAll(SOURCE, notes);
      if (failed != null) {
        throw failed;
      }
      batch = Math.min(batch * 2, MAX_BATCH);
    }
    return made;
  }

  private Pod pod(ReplicaSet rs) {
    var template = rs.getSpec().getTemplate();
    return new PodBuilder()
        .withNewMetadataLike(template.getMetadata())
        .withName(rs.getMetadata().getName() + "-" + Names.suffix(random))
        .withNamespace(rs.getMetadata().getNamespace())
        .withGenerateName(rs.getMetadata().getName() + "-")
        .withOwnerReferences(Owners.reference(rs))
        .endMetadata()
        .withSpec(template.getSpec())
        .build();
  }

  private void delete(ReplicaSet rs, String podKey) {
    String podNs = podKey.substring(0, podKey.indexOf('/'));
    String podName = podKey.substring(podKey.indexOf('/') + 1);
    try {
      Pod gone = objects.delete(Kinds.PODS, podNs, podName, DeleteOptions.background());
      // As for creations: the cache sees its own deletion (graceful, or the pod removed) at once.
      pods.put(
          podKey,
          gone.getMetadata().getDeletionTimestamp() != null ? Member.of(gone) : null,
          rv(gone));
      events.normal(rs, null, SOURCE, "SuccessfulDelete", "Deleted pod: " + podName);
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
