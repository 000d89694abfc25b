package dev.moat.kube.scheduler;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.control.ObjectIndex;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.ListOptions;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code default-scheduler} of one cluster: binds pending pods to nodes that pass {@link Fit},
 * preferring the node with the fewest pods (spreading), and records {@code Scheduled} or {@code
 * FailedScheduling}. Level-based with one key: a pending pod or any node change re-runs it over all
 * pending pods, so a pod that fit nowhere is retried when a node appears or becomes Ready. Pending
 * pods and the pods per node come from an {@link ObjectIndex} (the scheduler cache), so a run costs
 * the pending pods and the nodes, not every pod of the cluster.
 */
public final class PodScheduler implements AutoCloseable {
  public static final String NAME = "default-scheduler";
  private static final String KEY = "pending";

  private final ClusterObjects objects;
  private final EventRecorder events;
  private final Clock clock;
  private final KeyedLoop loop;
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  /** Where a live pod stands, as the scheduler needs it: its node, or its creation if pending. */
  private record Place(String node, String pendingSince) {}

  /** Non-terminal pods bound to each node (Fit's allocatable pods; spreading). */
  private final ConcurrentHashMap<String, Integer> perNode = new ConcurrentHashMap<>();

  /** Pods waiting for this scheduler, by key, with their creation timestamps. */
  private final ConcurrentHashMap<String, String> pending = new ConcurrentHashMap<>();

  private ObjectIndex<Pod, Place> pods;

  /** Pods bound per write transaction at most. */
  private static final int MAX_BATCH = 64;

  public PodScheduler(ClusterObjects objects, EventRecorder events, Clock clock, Loops loops) {
    this.objects = objects;
    this.events = events;
    this.clock = clock;
    this.loop = loops.create("scheduler", k -> run());
  }

  public void start() {
    pods = new ObjectIndex<>(objects, Kinds.PODS, PodScheduler::place, this::placed);
    registrations.add(pods::close);
    registrations.add(objects.listen(Kinds.NODES, e -> loop.add(KEY)));
    loop.add(KEY);
  }

  /** The index's view of a pod: terminal pods and pods another scheduler owns are not kept. */
  private static Place place(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase) || p.getSpec() == null) {
      return null;
    }
    if (!isEmpty(p.getSpec().getNodeName())) {
      return new Place(p.getSpec().getNodeName().intern(), null);
    }
    if (p.getMetadata().getDeletionTimestamp() != null || !NAME.equals(schedulerName(p))) {
      return null;
    }
    String created = p.getMetadata().getCreationTimestamp();
    return new Place(null, created == null ? "" : created);
  }

  private void placed(String key, Place before, Place after) {
    if (before != null && before.node() != null) {
      perNode.merge(before.node(), -1, (a, b) -> a + b == 0 ? null : a + b);
    }
    if (after != null && after.node() != null) {
      perNode.merge(after.node(), 1, Integer::sum);
    }
    if (after != null && after.node() == null) {
      pending.put(key, after.pendingSince());
      loop.add(KEY);
    } else {
      pending.remove(key);
    }
  }

  private Optional<Duration> run() {
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    List<Node> nodes = objects.list(Kinds.NODES, ListOptions.all()).items();
    Map<String, Integer> count = new HashMap<>(perNode);
    List<Map.Entry<String, String>> waiting = new ArrayList<>(pending.entrySet());
    List<Binding> plan = new ArrayList<>();
    waiting.sort(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, String> w : waiting) {
      String key = w.getKey();
      int slash = key.indexOf('/');
      Optional<Pod> found =
          objects.get(Kinds.PODS, key.substring(0, slash), key.substring(slash + 1));
      if (found.isEmpty() || place(found.get()) == null || place(found.get()).node() != null) {
        continue; // bound, finished or gone meanwhile: its event updates the index
      }
      Pod p = found.get();
      Map<String, Integer> reasons = new LinkedHashMap<>();
      Node best = null;
      for (Node n : nodes) {
        int onNode = count.getOrDefault(n.getMetadata().getName(), 0);
        Optional<String> why = Fit.reject(p, n, onNode);
        if (why.isPresent()) {
          reasons.merge(why.get(), 1, Integer::sum);
        } else if (best == null || onNode < count.getOrDefault(best.getMetadata().getName(), 0)) {
          best = n;
        }
      }
      if (best == null) {
        unschedulable(p, Fit.failure(nodes.size(), reasons));
      } else {
        plan.add(new Binding(p, best.getMetadata().getName()));
        count.merge(best.getMetadata().getName(), 1, Integer::sum);
        if (plan.size() == MAX_BATCH) {
          bind(plan);
          plan.clear();
        }
      }
    }
    bind(plan);
    return Optional.empty();
  }

  /** A pod and the node chosen for it. */
  private record Binding(Pod pod, String node) {}

  /**
   * Binds in one write transaction per batch, each pod as the binding subresource does ({@code
   * spec.nodeName} and the {@code PodScheduled} condition in one write), then records the Scheduled
   * events together.
   */
  private void bind(List<Binding> plan) {
    if (plan.isEmpty()) {
      return;
    }
    PodCondition scheduled = condition("True", null, null);
    List<ClusterObjects.Change<Pod>> changes = new ArrayList<>();
    for (Binding b : plan) {
      changes.add(
          new ClusterObjects.Change<>(
              b.pod().getMetadata().getNamespace(),
              b.pod().getMetadata().getName(),
              x -> {
                if (isEmpty(x.getSpec().getNodeName())) {
                  x.getSpec().setNodeName(b.node());
                  withCondition(x, scheduled);
                }
                return x;
              }));
    }
    List<Optional<Pod>> results = objects.modifyAllWithStatus(Kinds.PODS, changes);
    List<EventRecorder.Note> notes = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      String node = plan.get(i).node();
      Optional<Pod> bound = results.get(i);
      if (bound.isEmpty() || !node.equals(bound.get().getSpec().getNodeName())) {
        continue;
      }
      // Counted at once, so the next run spreads by it even before the event arrives.
      Pod b = bound.get();
      pods.put(ObjectIndex.key(b), place(b), Long.parseLong(b.getMetadata().getResourceVersion()));
      String ns = b.getMetadata().getNamespace();
      notes.add(
          EventRecorder.Note.normal(
              b,
              null,
              "Scheduled",
              "Successfully assigned " + ns + "/" + b.getMetadata().getName() + " to " + node));
    }
    events.recordAll(EventRecorder.Source.of(NAME), notes);
  }

  private void unschedulable(Pod p, String message) {
    PodCondition existing =
        p.getStatus() == null || p.getStatus().getConditions() == null
            ? null
            : p.getStatus().getConditions().stream()
                .filter(c -> c.getType().equals("PodScheduled"))
                .findFirst()
                .orElse(null);
    if (existing != null && message.equals(existing.getMessage())) {
      return; // already reported; the next node change re-evaluates
    }
    setCondition(
        p.getMetadata().getNamespace(),
        p.getMetadata().getName(),
        condition("False", "Unschedulable", message));
    events.warning(p, null, EventRecorder.Source.of(NAME), "FailedScheduling", message);
  }

  private void setCondition(String ns, String name, PodCondition c) {
    objects.modify(Kinds.PODS, ns, name, true, x -> withCondition(x, c));
  }

  private static Pod withCondition(Pod x, PodCondition c) {
    List<PodCondition> cs = new ArrayList<>(x.getStatus().getConditions());
    cs.removeIf(o -> o.getType().equals("PodScheduled"));
    cs.add(0, c);
    x.getStatus().setConditions(cs);
    return x;
  }

  private PodCondition condition(String status, String reason, String message) {
    return new PodConditionBuilder()
        .withType("PodScheduled")
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
        .build();
  }

  private static String schedulerName(Pod p) {
    String s = p.getSpec().getSchedulerName();
    return s == null ? NAME : s;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  @Override
  public void close() {
    registrations.forEach(ClusterObjects.Registration::close);
    loop.close();
  }
}
