package dev.moat.kube.api;

import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.PodLogs;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code pods/{name}/log}, honestly: Moat runs no container processes, so a log holds only what a
 * kubelet recorded in {@link PodLogs} for programs it really ran (often nothing). A container that
 * has not started answers 400 with the kubelet's text; {@code follow=true} streams appends until
 * the pod ends, is deleted, or the client leaves.
 */
final class PodLogEndpoint {

  Answer handle(ApiRequest r, Pod pod) {
    String name = pod.getMetadata().getName();
    String ns = pod.getMetadata().getNamespace();
    List<String> containers = new ArrayList<>();
    for (Container c : pod.getSpec().getContainers()) {
      containers.add(c.getName());
    }
    if (pod.getSpec().getInitContainers() != null) {
      pod.getSpec().getInitContainers().forEach(c -> containers.add(c.getName()));
    }
    String container =
        r.param("container")
            .orElseGet(
                () -> {
                  if (pod.getSpec().getContainers().size() == 1) {
                    return pod.getSpec().getContainers().get(0).getName();
                  }
                  throw KubeException.badRequest(
                      "a container name must be specified for pod "
                          + name
                          + ", choose one of: "
                          + containers.toString().replace(",", ""));
                });
    if (!containers.contains(container)) {
      throw KubeException.badRequest("container " + container + " is not valid for pod " + name);
    }
    if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
      return ApiResponse.text(200, ""); // not scheduled: no host to ask, an empty log
    }
    Optional<ContainerStatus> status = status(pod, container);
    if (status.isEmpty()
        || status.get().getState() == null
        || status.get().getState().getWaiting() != null) {
      String reason =
          status
              .map(
                  s ->
                      s.getState() == null || s.getState().getWaiting() == null
                          ? null
                          : s.getState().getWaiting().getReason())
              .orElse("ContainerCreating");
      throw KubeException.badRequest(
          "container \""
              + container
              + "\" in pod \""
              + name
              + "\" is waiting to start: "
              + waitingText(reason));
    }
    if (r.flag("previous")) {
      throw KubeException.badRequest(
          "previous terminated container \"" + container + "\" in pod \"" + name + "\" not found");
    }
    ClusterObjects objects = r.objects();
    PodLogs logs = objects.logs();
    String text =
        r.param("tailLines").isPresent()
            ? logs.tail(ns, name, container, Integer.parseInt(r.param("tailLines").get()))
            : logs.read(ns, name, container, 0, 0).text();
    long limit = r.param("limitBytes").map(Long::parseLong).orElse(0L);
    if (limit > 0) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      text = new String(bytes, 0, (int) Math.min(limit, bytes.length), StandardCharsets.UTF_8);
    }
    if (!r.flag("follow")) {
      return ApiResponse.text(200, text);
    }
    String initial = text;
    return new Answer.Stream(
        "text/plain",
        out -> {
          long offset = logs.read(ns, name, container, 0, 0).next();
          out.write(initial.getBytes(StandardCharsets.UTF_8));
          out.flush();
          Semaphore appended = new Semaphore(0);
          ClusterObjects.Registration reg = logs.onAppend(ns, name, container, appended::release);
          try {
            while (true) {
              boolean more = appended.tryAcquire(1, TimeUnit.SECONDS);
              PodLogs.Chunk chunk = logs.read(ns, name, container, offset, 0);
              if (!chunk.text().isEmpty()) {
                out.write(chunk.text().getBytes(StandardCharsets.UTF_8));
                out.flush();
                offset = chunk.next();
              }
              if (!more && ended(objects, ns, name, container)) {
                return;
              }
            }
          } finally {
            reg.close();
          }
        });
  }

  /** The pod is gone, finished, or the container terminated. */
  private static boolean ended(ClusterObjects objects, String ns, String name, String container) {
    Optional<Pod> pod = objects.get(Kinds.PODS, ns, name);
    if (pod.isEmpty()) {
      return true;
    }
    String phase =
        pod.get().getStatus() == null ? "" : String.valueOf(pod.get().getStatus().getPhase());
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      return true;
    }
    return status(pod.get(), container)
        .map(s -> s.getState() != null && s.getState().getTerminated() != null)
        .orElse(false);
  }

  private static Optional<ContainerStatus> status(Pod pod, String container) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    List<ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus().getContainerStatuses() != null) {
      all.addAll(pod.getStatus().getContainerStatuses());
    }
    if (pod.getStatus().getInitContainerStatuses() != null) {
      all.addAll(pod.getStatus().getInitContainerStatuses());
    }
    return all.stream().filter(s -> container.equals(s.getName())).findFirst();
  }

  /** kubelet_pods.go {@code validateContainerLogStatus}. */
  private static String waitingText(String reason) {
    return switch (reason == null ? "" : reason) {
      case "ImagePullBackOff" -> "trying and failing to pull image";
      case "ErrImagePull" -> "image can't be pulled";
      default -> reason == null || reason.isEmpty() ? "ContainerCreating" : reason;
    };
  }
}
