package dev.moat.kube.controllers;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.LabelSelector;
import dev.moat.kube.store.ListOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@code job-controller}: runs up to {@code parallelism} pods until {@code completions} succeeded
 * ({@code Complete}) or more than {@code backoffLimit} failed ({@code Failed}, {@code
 * BackoffLimitExceeded}). Moat runs no processes: a Job's pod completes with exit code 0 once its
 * node verified the image (see the kubelets), so a Job whose image pulls completes.
 */
public final class JobController implements AutoCloseable {
  static final EventRecorder.Source SOURCE = EventRecorder.Source.of("job-controller");

  private final ClusterObjects objects;
  private final EventRecorder events;
  private final Clock clock;
  private final KeyedLoop loop;
  private final RandomGenerator random = Names.random();
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  public JobController(ClusterObjects objects, EventRecorder events, Clock clock, Loops loops) {
    this.objects = objects;
    this.events = events;
    this.clock = clock;
    this.loop = loops.create("job", this::sync);
  }

  public void start() {
    registrations.add(objects.listen(Kinds.JOBS, e -> loop.add(Owners.key(e.object()))));
    registrations.add(Owners.onOwnedPods(objects, "Job", loop));
    objects.list(Kinds.JOBS, ListOptions.all()).items().forEach(j -> loop.add(Owners.key(j)));
  }

  private Optional<Duration> sync(String key) {
    String ns = key.substring(0, key.indexOf('/'));
    String name = key.substring(key.indexOf('/') + 1);
    Optional<Job> found = objects.get(Kinds.JOBS, ns, name);
    if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    Job job = found.get();
    if (finished(job)) {
      return Optional.empty();
    }
    LabelSelector selector =
        job.getSpec().getSelector() == null
            ? LabelSelector.ofLabels(
                Map.of("batch.kubernetes.io/controller-uid", job.getMetadata().getUid()))
            : LabelSelector.of(job.getSpec().getSelector());
    List<Pod> pods = Owners.owned(objects, Kinds.PODS, job, selector);
    int succeeded = 0;
    int failed = 0;
    int active = 0;
    int ready = 0;
    for (Pod p : pods) {
      String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
      if ("Succeeded".equals(phase)) {
        succeeded++;
      } else if ("Failed".equals(phase)) {
        failed++;
      } else if (p.getMetadata().getDeletionTimestamp() == null) {
        active++;
        if (Owners.ready(p)) {
          ready++;
        }
      }
    }
    int completions = job.getSpec().getCompletions() == null ? 1 : job.getSpec().getCompletions();
    int parallelism = job.getSpec().getParallelism() == null ? 1 : job.getSpec().getParallelism();
    int backoffLimit =
        job.getSpec().getBackoffLimit() == null ? 6 : job.getSpec().getBackoffLimit();
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    List<JobCondition> conditions = new ArrayList<>();
    if (succeeded >= completions) {
      conditions.add(
          cond(
              "SuccessCriteriaMet",
              "CompletionsReached",
              "Reached expected number of succeeded pods",
              now));
      conditions.add(
          cond("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now));
      events.normal(job, null, SOURCE, "Completed", "Job completed");
    } else if (failed > backoffLimit) {
      conditions.add(
          cond(
              "FailureTarget",
              "BackoffLimitExceeded",
              "Job has reached the specified backoff limit",
              now));
      conditions.add(
          cond(
              "Failed",
              "BackoffLimitExceeded",
              "Job has reached the specified backoff limit",
              now));
      events.warning(
          job, null, SOURCE, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
    } else {
      int want = Math.min(parallelism, completions - succeeded) - active;
      for (int i = 0; i < want; i++) {
        create(job);
        active++;
      }
    }
    int fSucceeded = succeeded;
    int fFailed = failed;
    int fActive = conditions.isEmpty() ? active : 0;
    int fReady = ready;
    objects.modify(
        Kinds.JOBS,
        ns,
        name,
        true,
        j -> {
          if (j.getStatus() == null) {
            j.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatus());
          }
          var s = j.getStatus();
          if (s.getStartTime() == null) {
            s.setStartTime(now);
          }
          s.setSucceeded(fSucceeded == 0 ? null : fSucceeded);
          s.setFailed(fFailed == 0 ? null : fFailed);
          s.setActive(fActive == 0 ? null : fActive);
          s.setReady(fReady);
          if (!conditions.isEmpty()) {
            s.setConditions(conditions);
            if (conditions.get(1).getType().equals("Complete")) {
              s.setCompletionTime(now);
            }
          }
          return j;
        });
    return Optional.empty();
  }

  private static boolean finished(Job job) {
    return job.getStatus() != null
        && job.getStatus().getConditions() != null
        && job.getStatus().getConditions().stream()
            .anyMatch(
                c ->
                    (c.getType().equals("Complete") || c.getType().equals("Failed"))
                        && c.getStatus().equals("True"));
  }

  private void create(Job job) {
    var meta = job.getSpec().getTemplate().getMetadata();
    Map<String, String> labels =
        new HashMap<>(meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels());
    labels.put("batch.kubernetes.io/controller-uid", job.getMetadata().getUid());
    labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
    labels.put("controller-uid", job.getMetadata().getUid());
    labels.put("job-name", job.getMetadata().getName());
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(job.getMetadata().getName() + "-" + Names.suffix(random))
            .withGenerateName(job.getMetadata().getName() + "-")
            .withNamespace(job.getMetadata().getNamespace())
            .withLabels(labels)
            .withAnnotations(meta == null ? null : meta.getAnnotations())
            .withOwnerReferences(Owners.reference(job))
            .endMetadata()
            .withSpec(job.getSpec().getTemplate().getSpec())
            .build();
    try {
      Pod created = objects.create(Kinds.PODS, pod);
      events.normal(
          job, null, SOURCE, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
    } catch (KubeException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
  }

  private static JobCondition cond(String type, String reason, String message, String now) {
    return new JobConditionBuilder()
        .withType(type)
        .withStatus("True")
        .withReason(reason)
        .withMessage(message)
        .withLastProbeTime(now)
        .withLastTransitionTime(now)
        .build();
  }

  @Override
  public void close() {
    registrations.forEach(ClusterObjects.Registration::close);
    loop.close();
  }
}
