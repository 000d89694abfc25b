package dev.moat.kube.controllers;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeJson;
import dev.moat.kube.store.LabelSelector;
import dev.moat.kube.store.ListOptions;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code deployment-controller}: one ReplicaSet per distinct pod template ({@code
 * <deployment>-<pod-template-hash>}, revision annotations), rolling updates within {@code
 * maxSurge}/{@code maxUnavailable} or Recreate, rollback (a template equal to an old ReplicaSet's
 * reuses it under a new revision, which is what {@code kubectl rollout undo} relies on), history
 * pruning, and the status and conditions of workloads.md §6.2 — including {@code
 * ProgressDeadlineExceeded}, for which the controller requeues itself at the deadline of the
 * injected clock.
 */
public final class DeploymentController implements AutoCloseable {
  static final EventRecorder.Source SOURCE = EventRecorder.Source.of("deployment-controller");
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String DESIRED = "deployment.kubernetes.io/desired-replicas";
  static final String MAX = "deployment.kubernetes.io/max-replicas";

  private final ClusterObjects objects;
  private final EventRecorder events;
  private final Clock clock;
  private final KeyedLoop loop;
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  public DeploymentController(
      ClusterObjects objects, EventRecorder events, Clock clock, Loops loops) {
    this.objects = objects;
    this.events = events;
    this.clock = clock;
    this.loop = loops.create("deployment", this::sync);
  }

  public void start() {
    registrations.add(objects.listen(Kinds.DEPLOYMENTS, e -> loop.add(Owners.key(e.object()))));
    registrations.add(
        objects.listen(
            Kinds.REPLICA_SETS,
            e -> Owners.controllerKey(e.object(), "Deployment").ifPresent(loop::add)));
    objects
        .list(Kinds.DEPLOYMENTS, ListOptions.all())
        .items()
        .forEach(d -> loop.add(Owners.key(d)));
  }

  private Optional<Duration> sync(String key) {
    String ns = key.substring(0, key.indexOf('/'));
    String name = key.substring(key.indexOf('/') + 1);
    Optional<Deployment> found = objects.get(Kinds.DEPLOYMENTS, ns, name);
    if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    Deployment d = found.get();
    LabelSelector selector = LabelSelector.of(d.getSpec().getSelector());
    List<ReplicaSet> all = new ArrayList<>(Owners.owned(objects, Kinds.REPLICA_SETS, d, selector));
    Integer collisions = d.getStatus() == null ? null : d.getStatus().getCollisionCount();
    String hash = Names.templateHash(d.getSpec().getTemplate(), collisions);
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    boolean recreate =
        d.getSpec().getStrategy() != null && "Recreate".equals(d.getSpec().getStrategy().getType());
    int[] fence =
        recreate
            ? new int[] {0, desired}
            : Rollout.fenceposts(
                d.getSpec().getStrategy() == null
                        || d.getSpec().getStrategy().getRollingUpdate() == null
                    ? null
                    : d.getSpec().getStrategy().getRollingUpdate().getMaxSurge(),
                d.getSpec().getStrategy() == null
                        || d.getSpec().getStrategy().getRollingUpdate() == null
                    ? null
                    : d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable(),
                desired);
    long maxRevision = all.stream().mapToLong(DeploymentController::revision).max().orElse(0);
    ReplicaSet current =
        all.stream()
            .filter(rs -> hash.equals(labels(rs).get(Names.TEMPLATE_HASH)))
            .findFirst()
            .orElse(null);
    boolean created = false;
    if (current == null && !paused) {
      current = createReplicaSet(d, hash, maxRevision + 1, desired, fence[0]);
      created = current != null;
      if (current != null) {
        all.add(current);
      }
    } else if (current != null && revision(current) < maxRevision) {
      long next = maxRevision + 1; // a rollback: the old template becomes the newest revision
      current = annotate(current, Map.of(REVISION, String.valueOf(next)));
    }
    if (current == null) {
      return Optional.empty();
    }
    ReplicaSet newRs = current;
    List<ReplicaSet> olds =
        all.stream()
            .filter(rs -> !rs.getMetadata().getUid().equals(newRs.getMetadata().getUid()))
            .toList();
    if (!paused) {
      if (recreate) {
        recreate(d, newRs, olds, desired);
      } else {
        rolling(d, newRs, olds, desired, fence);
      }
      prune(d, olds);
    }
    setRevision(d, revision(newRs));
    return status(d, desired, fence[1], created);
  }

  private void rolling(
      Deployment d, ReplicaSet newRs, List<ReplicaSet> olds, int desired, int[] fence) {
    int allPods = replicas(newRs) + olds.stream().mapToInt(DeploymentController::replicas).sum();
    int target = Rollout.scaleUpNew(desired, fence[0], allPods, replicas(newRs));
    if (olds.stream().allMatch(rs -> replicas(rs) == 0)) {
      target = desired; // nothing to replace: plain scaling
    }
    if (target != replicas(newRs)) {
      scale(d, newRs, target, desired, fence[0]);
      allPods += target - replicas(newRs);
    }
    int newAvailable = available(newRs);
    int budget = Rollout.maxScaleDown(desired, fence[1], allPods, target, newAvailable);
    List<ReplicaSet> sorted = new ArrayList<>(olds);
    sorted.sort(Comparator.comparingLong(DeploymentController::revision));
    // Unhealthy old pods go first: removing them costs no availability.
    for (ReplicaSet rs : sorted) {
      if (budget <= 0) {
        break;
      }
      int unhealthy = replicas(rs) - available(rs);
      int cut = Math.min(Math.max(unhealthy, 0), budget);
      if (cut > 0) {
        scale(d, rs, replicas(rs) - cut, desired, fence[0]);
        budget -= cut;
        rs.getSpec().setReplicas(replicas(rs) - cut);
      }
    }
    for (ReplicaSet rs : sorted) {
      if (budget <= 0) {
        break;
      }
      int cut = Math.min(replicas(rs), budget);
      if (cut > 0) {
        scale(d, rs, replicas(rs) - cut, desired, fence[0]);
        budget -= cut;
      }
    }
  }

  private void recreate(Deployment d, ReplicaSet newRs, List<ReplicaSet> olds, int desired) {
    boolean oldRunning = false;
    for (ReplicaSet rs : olds) {
      if (replicas(rs) > 0) {
        scale(d, rs, 0, desired, 0);
        oldRunning = true;
      } else if (rs.getStatus() != null
          && rs.getStatus().getReplicas() != null
          && rs.getStatus().getReplicas() > 0) {
        oldRunning = true;
      }
    }
    if (!oldRunning && replicas(newRs) != desired) {
      scale(d, newRs, desired, desired, 0);
    }
  }

  /** Keeps {@code revisionHistoryLimit} old, scaled-down ReplicaSets; removes the oldest others. */
  private void prune(Deployment d, List<ReplicaSet> olds) {
    int limit =
        d.getSpec().getRevisionHistoryLimit() == null ? 10 : d.getSpec().getRevisionHistoryLimit();
    List<ReplicaSet> idle =
        new ArrayList<>(
            olds.stream()
                .filter(
                    rs ->
                        replicas(rs) == 0
                            && (rs.getStatus() == null
                                || rs.getStatus().getReplicas() == null
                                || rs.getStatus().getReplicas() == 0))
                .toList());
    idle.sort(Comparator.comparingLong(DeploymentController::revision));
    for (int i = 0; i < idle.size() - limit; i++) {
      try {
        objects.delete(
            Kinds.REPLICA_SETS,
            idle.get(i).getMetadata().getNamespace(),
            idle.get(i).getMetadata().getName(),
            DeleteOptions.background());
      } catch (KubeException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
  }

  private ReplicaSet createReplicaSet(
      Deployment d, String hash, long revision, int desired, int surge) {
    PodTemplateSpec template =
        KubeJson.mapper()
            .convertValue(KubeJson.tree(d.getSpec().getTemplate()), PodTemplateSpec.class);
    Map<String, String> labels =
        new HashMap<>(
            template.getMetadata().getLabels() == null
                ? Map.of()
                : template.getMetadata().getLabels());
    labels.put(Names.TEMPLATE_HASH, hash);
    template.getMetadata().setLabels(labels);
    var selector =
        new LabelSelectorBuilder(d.getSpec().getSelector())
            .addToMatchLabels(Names.TEMPLATE_HASH, hash)
            .build();
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withName(d.getMetadata().getName() + "-" + hash)
            .withNamespace(d.getMetadata().getNamespace())
            .withLabels(labels)
            .addToAnnotations(REVISION, String.valueOf(revision))
            .addToAnnotations(DESIRED, String.valueOf(desired))
            .addToAnnotations(MAX, String.valueOf(desired + surge))
            .withOwnerReferences(Owners.reference(d))
            .endMetadata()
            .withNewSpec()
            .withReplicas(0)
            .withMinReadySeconds(d.getSpec().getMinReadySeconds())
            .withSelector(selector)
            .withTemplate(template)
            .endSpec()
            .build();
    try {
      return objects.create(Kinds.REPLICA_SETS, rs);
    } catch (KubeException e) {
      if (e.code() == 409) {
        // A ReplicaSet of that name with another template: bump collisionCount and retry.
        objects.modify(
            Kinds.DEPLOYMENTS,
            d.getMetadata().getNamespace(),
            d.getMetadata().getName(),
            true,
            x -> {
              Integer c = x.getStatus().getCollisionCount();
              x.getStatus().setCollisionCount(c == null ? 1 : c + 1);
              return x;
            });
        return null;
      }
      throw e;
    }
  }

  private void scale(Deployment d, ReplicaSet rs, int to, int desired, int surge) {
    int from = replicas(rs);
    objects.modify(
        Kinds.REPLICA_SETS,
        rs.getMetadata().getNamespace(),
        rs.getMetadata().getName(),
        false,
        r -> {
          r.getSpec().setReplicas(to);
          r.getMetadata().getAnnotations().put(DESIRED, String.valueOf(desired));
          r.getMetadata().getAnnotations().put(MAX, String.valueOf(desired + surge));
          return r;
        });
    rs.getSpec().setReplicas(to);
    events.normal(
        d,
        null,
        SOURCE,
        "ScalingReplicaSet",
        (to > from ? "Scaled up" : "Scaled down")
            + " replica set "
            + rs.getMetadata().getName()
            + " from "
            + from
            + " to "
            + to);
  }

  private ReplicaSet annotate(ReplicaSet rs, Map<String, String> annotations) {
    return objects
        .modify(
            Kinds.REPLICA_SETS,
            rs.getMetadata().getNamespace(),
            rs.getMetadata().getName(),
            false,
            r -> {
              r.getMetadata().getAnnotations().putAll(annotations);
              return r;
            })
        .orElse(rs);
  }

  private void setRevision(Deployment d, long revision) {
    String value = String.valueOf(revision);
    Map<String, String> a = d.getMetadata().getAnnotations();
    if (a != null && value.equals(a.get(REVISION))) {
      return;
    }
    objects.modify(
        Kinds.DEPLOYMENTS,
        d.getMetadata().getNamespace(),
        d.getMetadata().getName(),
        false,
        x -> {
          if (x.getMetadata().getAnnotations() == null) {
            x.getMetadata().setAnnotations(new HashMap<>());
          }
          x.getMetadata().getAnnotations().put(REVISION, value);
          return x;
        });
  }

  /** Writes status and conditions; returns when to check the progress deadline. */
  private Optional<Duration> status(
      Deployment d, int desired, int maxUnavailable, boolean created) {
    LabelSelector selector = LabelSelector.of(d.getSpec().getSelector());
    List<ReplicaSet> all = Owners.owned(objects, Kinds.REPLICA_SETS, d, selector);
    String hash =
        Names.templateHash(
            d.getSpec().getTemplate(),
            d.getStatus() == null ? null : d.getStatus().getCollisionCount());
    ReplicaSet newRs =
        all.stream()
            .filter(rs -> hash.equals(labels(rs).get(Names.TEMPLATE_HASH)))
            .findFirst()
            .orElse(null);
    int replicas = all.stream().mapToInt(DeploymentController::statusReplicas).sum();
    int updated = newRs == null ? 0 : statusReplicas(newRs);
    int ready =
        all.stream()
            .mapToInt(
                rs ->
                    rs.getStatus() == null || rs.getStatus().getReadyReplicas() == null
                        ? 0
                        : rs.getStatus().getReadyReplicas())
            .sum();
    int available = all.stream().mapToInt(DeploymentController::available).sum();
    long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    Instant now = clock.instant();
    String stamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    String rsName = newRs == null ? "" : newRs.getMetadata().getName();
    boolean complete =
        newRs != null && updated == desired && replicas == desired && available == desired;
    DeploymentStatus before = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    boolean progressed =
        created
            || !Objects.equals(before.getReplicas(), replicas)
            || !Objects.equals(before.getUpdatedReplicas(), updated)
            || !Objects.equals(before.getReadyReplicas(), ready)
            || !Objects.equals(before.getAvailableReplicas(), available)
            || !Objects.equals(before.getObservedGeneration(), generation);
    long deadlineSeconds =
        d.getSpec().getProgressDeadlineSeconds() == null
            ? 600
            : d.getSpec().getProgressDeadlineSeconds();
    Optional<Duration> requeue = Optional.empty();
    Optional<Deployment> written =
        objects.modify(
            Kinds.DEPLOYMENTS,
            d.getMetadata().getNamespace(),
            d.getMetadata().getName(),
            true,
            x -> {
              DeploymentStatus s = x.getStatus() == null ? new DeploymentStatus() : x.getStatus();
              s.setObservedGeneration(generation);
              s.setReplicas(replicas);
              s.setUpdatedReplicas(updated);
              s.setReadyReplicas(ready);
              s.setAvailableReplicas(available);
              s.setUnavailableReplicas(
                  Math.max(desired - available, 0) == 0 ? null : Math.max(desired - available, 0));
              List<DeploymentCondition> cs =
                  new ArrayList<>(s.getConditions() == null ? List.of() : s.getConditions());
              boolean minAvailable = available >= desired - maxUnavailable;
              put(
                  cs,
                  cond(
                      "Available",
                      minAvailable ? "True" : "False",
                      minAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                      minAvailable
                          ? "Deployment has minimum availability."
                          : "Deployment does not have minimum availability.",
                      stamp),
                  stamp);
              DeploymentCondition prog = find(cs, "Progressing");
              if (complete) {
                put(
                    cs,
                    cond(
                        "Progressing",
                        "True",
                        "NewReplicaSetAvailable",
                        "ReplicaSet \"" + rsName + "\" has successfully progressed.",
                        stamp),
                    stamp);
              } else if (progressed || prog == null) {
                String reason = created ? "NewReplicaSetCreated" : "ReplicaSetUpdated";
                String msg =
                    created
                        ? "Created new replica set \"" + rsName + "\""
                        : "ReplicaSet \"" + rsName + "\" is progressing.";
                put(cs, cond("Progressing", "True", reason, msg, stamp), stamp);
              } else if (!"ProgressDeadlineExceeded".equals(prog.getReason())
                  && Instant.parse(prog.getLastUpdateTime())
                          .plusSeconds(deadlineSeconds)
                          .compareTo(now)
                      <= 0) {
                put(
                    cs,
                    cond(
                        "Progressing",
                        "False",
                        "ProgressDeadlineExceeded",
                        "ReplicaSet \"" + rsName + "\" has timed out progressing.",
                        stamp),
                    stamp);
              }
              s.setConditions(cs);
              x.setStatus(s);
              return x;
            });
    if (!complete && written.isPresent()) {
      DeploymentCondition prog = find(written.get().getStatus().getConditions(), "Progressing");
      if (prog != null && "True".equals(prog.getStatus())) {
        Instant deadline = Instant.parse(prog.getLastUpdateTime()).plusSeconds(deadlineSeconds);
        requeue = Optional.of(Duration.between(now, deadline).plusMillis(1));
      }
    }
    return requeue;
  }

  private static DeploymentCondition find(List<DeploymentCondition> cs, String type) {
    return cs == null
        ? null
        : cs.stream().filter(c -> c.getType().equals(type)).findFirst().orElse(null);
  }

  /** Replaces a condition; keeps its transition time when the status did not change. */
  private static void put(List<DeploymentCondition> cs, DeploymentCondition c, String stamp) {
    DeploymentCondition old = find(cs, c.getType());
    if (old != null) {
      if (old.getStatus().equals(c.getStatus())) {
        c.setLastTransitionTime(old.getLastTransitionTime());
        if (Objects.equals(old.getReason(), c.getReason())
            && Objects.equals(old.getMessage(), c.getMessage())
            && c.getType().equals("Available")) {
          c.setLastUpdateTime(old.getLastUpdateTime());
        }
      }
      cs.set(cs.indexOf(old), c);
    } else {
      cs.add(c);
    }
  }

  private static DeploymentCondition cond(
      String type, String status, String reason, String message, String stamp) {
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastUpdateTime(stamp)
        .withLastTransitionTime(stamp)
        .build();
  }

  static long revision(ReplicaSet rs) {
    Map<String, String> a = rs.getMetadata().getAnnotations();
    try {
      return a == null || a.get(REVISION) == null ? 0 : Long.parseLong(a.get(REVISION));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, String> labels(ReplicaSet rs) {
    return rs.getMetadata().getLabels() == null ? Map.of() : rs.getMetadata().getLabels();
  }

  private static int replicas(ReplicaSet rs) {
    return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
  }

  private static int statusReplicas(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getReplicas() == null
        ? 0
        : rs.getStatus().getReplicas();
  }

  private static int available(ReplicaSet rs) {
    return rs.getStatus() == null || rs.getStatus().getAvailableReplicas() == null
        ? 0
        : rs.getStatus().getAvailableReplicas();
  }

  @Override
  public void close() {
    registrations.forEach(ClusterObjects.Registration::close);
    loop.close();
  }
}
