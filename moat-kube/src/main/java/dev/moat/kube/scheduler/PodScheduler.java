package dev.moat.kube.scheduler;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code default-scheduler} of one cluster: binds pending pods to nodes that pass {@link Fit},
 * preferring the node with the fewest pods (spreading), and records {@code Scheduled} or {@code
 * FailedScheduling}. Level-based with one key: any pod or node change re-runs it over all pending
 * pods, so a pod that fit nowhere is retried when a node appears or becomes Ready.
 */
public final class PodScheduler implements AutoCloseable {
  public static final String NAME = "default-scheduler";
  private static final String KEY = "pending";

  private final ClusterObjects objects;
  private final EventRecorder events;
  private final Clock clock;
  private final KeyedLoop loop;
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  public PodScheduler(ClusterObjects objects, EventRecorder events, Clock clock, Loops loops) {
    this.objects = objects;
    this.events = events;
    this.clock = clock;
    this.loop = loops.create("scheduler", k -> run());
  }

  public void start() {
    registrations.add(
        objects.listen(
            Kinds.PODS,
            e -> {
              Pod p = e.object();
              if (p.getSpec() != null && isEmpty(p.getSpec().getNodeName())) {
                loop.add(KEY);
              }
            }));
    registrations.add(objects.listen(Kinds.NODES, e -> loop.add(KEY)));
    loop.add(KEY);
  }

  private Optional<Duration> run() {
    List<Node> nodes = objects.list(Kinds.NODES, ListOptions.all()).items();
    List<Pod> pods = objects.list(Kinds.PODS, ListOptions.all()).items();
    Map<String, Integer> count = new HashMap<>();
    List<Pod> pending = new ArrayList<>();
    for (Pod p : pods) {
      String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
      boolean terminal = "Succeeded".equals(phase) || "Failed".equals(phase);
      if (!isEmpty(p.getSpec().getNodeName())) {
        if (!terminal) {
          count.merge(p.getSpec().getNodeName(), 1, Integer::sum);
        }
      } else if (!terminal
          && p.getMetadata().getDeletionTimestamp() == null
          && NAME.equals(schedulerName(p))) {
        pending.add(p);
      }
    }
    pending.sort(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
    for (Pod p : pending) {
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
        bind(p, best.getMetadata().getName());
        count.merge(best.getMetadata().getName(), 1, Integer::sum);
      }
    }
    return Optional.empty();
  }

  private void bind(Pod p, String node) {
    String ns = p.getMetadata().getNamespace();
    String name = p.getMetadata().getName();
    Optional<Pod> bound =
        objects.modify(
            Kinds.PODS,
            ns,
            name,
            false,
            x -> {
              if (isEmpty(x.getSpec().getNodeName())) {
                x.getSpec().setNodeName(node);
              }
              return x;
            });
    if (bound.isEmpty() || !node.equals(bound.get().getSpec().getNodeName())) {
      return;
    }
    setCondition(ns, name, condition("True", null, null));
    events.normal(
        bound.get(),
        null,
        EventRecorder.Source.of(NAME),
        "Scheduled",
        "Successfully assigned " + ns + "/" + name + " to " + node);
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
    objects.modify(
        Kinds.PODS,
        ns,
        name,
        true,
        x -> {
          List<PodCondition> cs = new ArrayList<>(x.getStatus().getConditions());
          cs.removeIf(o -> o.getType().equals("PodScheduled"));
          cs.add(0, c);
          x.getStatus().setConditions(cs);
          return x;
        });
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
