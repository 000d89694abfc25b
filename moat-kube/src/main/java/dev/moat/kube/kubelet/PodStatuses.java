package dev.moat.kube.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pod's phase and conditions from its container statuses, as the kubelet's {@code
 * generateAPIPodStatus} derives them. Pure.
 */
public final class PodStatuses {
  private PodStatuses() {}

  /**
   * {@code getPhase}: Running once every container started (or terminated with a restart policy
   * that keeps the pod), Succeeded/Failed when all terminated and none will restart, else Pending.
   */
  public static String phase(List<ContainerStatus> statuses, String restartPolicy) {
    int running = 0;
    int succeeded = 0;
    int failed = 0;
    int waiting = 0;
    for (ContainerStatus s : statuses) {
      if (s.getState() == null || s.getState().getWaiting() != null) {
        waiting++;
      } else if (s.getState().getRunning() != null) {
        running++;
      } else if (s.getState().getTerminated() != null) {
        if (Objects.equals(s.getState().getTerminated().getExitCode(), 0)) {
          succeeded++;
        } else {
          failed++;
        }
      }
    }
    if (waiting > 0 || statuses.isEmpty()) {
      return "Pending";
    }
    if (running > 0) {
      return "Running";
    }
    if ("Always".equals(restartPolicy)) {
      return "Running"; // containers are restarted
    }
    return failed > 0 ? "Failed" : "Succeeded";
  }

  /**
   * The kubelet-owned conditions ({@code PodReadyToStartContainers}, {@code Initialized}, {@code
   * ContainersReady}, {@code Ready}) for {@code statuses}; {@code now} stamps transitions, and an
   * unchanged condition keeps its {@code lastTransitionTime} from {@code previous}.
   */
  public static List<PodCondition> conditions(
      List<ContainerStatus> statuses, String phase, List<PodCondition> previous, String now) {
    List<String> unready = new ArrayList<>();
    for (ContainerStatus s : statuses) {
      if (!Boolean.TRUE.equals(s.getReady())) {
        unready.add(s.getName());
      }
    }
    boolean terminal = phase.equals("Succeeded") || phase.equals("Failed");
    List<PodCondition> out = new ArrayList<>();
    out.add(
        cond("PodReadyToStartContainers", terminal ? "False" : "True", null, null, previous, now));
    out.add(cond("Initialized", "True", terminal ? "PodCompleted" : null, null, previous, now));
    String reason = terminal ? "PodCompleted" : unready.isEmpty() ? null : "ContainersNotReady";
    String message =
        terminal || unready.isEmpty()
            ? null
            : "containers with unready status: [" + String.join(" ", unready) + "]";
    String ready = unready.isEmpty() && !terminal ? "True" : "False";
    out.add(cond("ContainersReady", ready, reason, message, previous, now));
    out.add(cond("Ready", ready, reason, message, previous, now));
    previous.stream()
        .filter(c -> c.getType().equals("PodScheduled"))
        .findFirst()
        .ifPresent(out::add);
    return out;
  }

  private static PodCondition cond(
      String type,
      String status,
      String reason,
      String message,
      List<PodCondition> previous,
      String now) {
    String since =
        previous.stream()
            .filter(c -> c.getType().equals(type) && c.getStatus().equals(status))
            .map(PodCondition::getLastTransitionTime)
            .findFirst()
            .orElse(now);
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(since)
        .build();
  }
}
