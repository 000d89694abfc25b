package dev.moat.kube.api;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** {@code printPod} of printers.go: READY, the STATUS algorithm, RESTARTS, and the wide cells. */
final class PodPrinter {
  private PodPrinter() {}

  static List<Object> cells(JsonNode pod, Instant now) {
    JsonNode status = pod.path("status");
    int total = pod.path("spec").path("containers").size();
    int ready = 0;
    int restarts = 0;
    Instant lastRestart = null;
    String phase = status.path("phase").asString("");
    String reason =
        status.path("reason").asString("").isEmpty() ? phase : status.path("reason").asString();
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asString("").equals("PodScheduled")
          && c.path("reason").asString("").equals("SchedulingGated")) {
        reason = "SchedulingGated";
      }
    }
    boolean initializing = false;
    JsonNode inits = status.path("initContainerStatuses");
    int initCount = pod.path("spec").path("initContainers").size();
    for (int i = 0; i < inits.size(); i++) {
      JsonNode c = inits.get(i);
      restarts += c.path("restartCount").asInt(0);
      JsonNode terminated = c.path("state").path("terminated");
      JsonNode waiting = c.path("state").path("waiting");
      if (!terminated.isMissingNode() && terminated.path("exitCode").asInt(0) == 0) {
        continue;
      }
      if (!terminated.isMissingNode()) {
        String r = terminated.path("reason").asString("");
        if (r.isEmpty()) {
          int signal = terminated.path("signal").asInt(0);
          reason =
              signal != 0
                  ? "Init:Signal:" + signal
                  : "Init:ExitCode:" + terminated.path("exitCode").asInt();
        } else {
          reason = "Init:" + r;
        }
      } else if (!waiting.isMissingNode()
          && !waiting.path("reason").asString("").isEmpty()
          && !waiting.path("reason").asString("").equals("PodInitializing")) {
        reason = "Init:" + waiting.path("reason").asString();
      } else {
        reason = "Init:" + i + "/" + initCount;
      }
      initializing = true;
      break;
    }
    if (!initializing || initializedTrue(status)) {
      restarts = 0;
      boolean hasRunning = false;
      JsonNode statuses = status.path("containerStatuses");
      for (int i = statuses.size() - 1; i >= 0; i--) {
        JsonNode c = statuses.get(i);
        restarts += c.path("restartCount").asInt(0);
        JsonNode lastTerm = c.path("lastState").path("terminated");
        if (lastTerm.hasNonNull("finishedAt")) {
          Instant t = Instant.parse(lastTerm.get("finishedAt").asString());
          if (lastRestart == null || t.isAfter(lastRestart)) {
            lastRestart = t;
          }
        }
        JsonNode state = c.path("state");
        String waiting = state.path("waiting").path("reason").asString("");
        JsonNode terminated = state.path("terminated");
        if (!waiting.isEmpty()) {
          reason = waiting;
        } else if (!terminated.isMissingNode()
            && !terminated.path("reason").asString("").isEmpty()) {
          reason = terminated.path("reason").asString();
        } else if (!terminated.isMissingNode()) {
          int signal = terminated.path("signal").asInt(0);
          reason =
              signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt();
        } else if (c.path("ready").asBoolean(false) && state.has("running")) {
          hasRunning = true;
          ready++;
        }
      }
      if (reason.equals("Completed") && hasRunning) {
        reason = readyConditionPresent(status) ? "Running" : "NotReady";
      }
    }
    boolean deleting = pod.path("metadata").hasNonNull("deletionTimestamp");
    if (deleting && status.path("reason").asString("").equals("NodeLost")) {
      reason = "Unknown";
    } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      reason = "Terminating";
    }
    String restartText = String.valueOf(restarts);
    if (restarts != 0 && lastRestart != null) {
      restartText =
          restarts + " (" + Tables.human(java.time.Duration.between(lastRestart, now)) + " ago)";
    }
    String ip = status.path("podIPs").path(0).path("ip").asString("");
    String node = pod.path("spec").path("nodeName").asString("");
    String nominated = status.path("nominatedNodeName").asString("");
    String gates = "<none>";
    JsonNode readinessGates = pod.path("spec").path("readinessGates");
    if (!readinessGates.isEmpty()) {
      int trueGates = 0;
      for (JsonNode g : readinessGates) {
        for (JsonNode c : status.path("conditions")) {
          if (c.path("type").asString("").equals(g.path("conditionType").asString(""))
              && c.path("status").asString("").equals("True")) {
            trueGates++;
          }
        }
      }
      gates = trueGates + "/" + readinessGates.size();
    }
    return List.of(
        Printers.name(pod),
        ready + "/" + total,
        reason,
        restartText,
        Tables.age(Printers.created(pod), now),
        ip.isEmpty() ? "<none>" : ip,
        node.isEmpty() ? "<none>" : node,
        nominated.isEmpty() ? "<none>" : nominated,
        gates);
  }

  private static boolean initializedTrue(JsonNode status) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asString("").equals("Initialized")
          && c.path("status").asString("").equals("True")) {
        return true;
      }
    }
    return false;
  }

  private static boolean readyConditionPresent(JsonNode status) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asString("").equals("Ready")
          && c.path("status").asString("").equals("True")) {
        return true;
      }
    }
    return false;
  }
}
