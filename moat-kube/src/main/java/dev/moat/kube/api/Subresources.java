package dev.moat.kube.api;

import dev.moat.kube.api.Routes.Target;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kind;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeJson;
import dev.moat.kube.store.LabelSelector;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /status}, {@code /scale}, {@code pods/log}, {@code pods/binding} and the unsupported
 * streams.
 */
final class Subresources {
  private final PodLogEndpoint logs;

  Subresources(Clock clock) {
    this.logs = new PodLogEndpoint();
  }

  Answer handle(ApiRequest r, Target t) {
    Kind<?> kind = t.kind();
    ClusterObjects objects = r.objects();
    String sub = t.subresource();
    boolean scalable =
        List.of("deployments", "replicasets", "statefulsets").contains(kind.plural());
    switch (sub) {
      case "status" -> {
        return status(r, t);
      }
      case "scale" -> {
        if (!scalable) {
          throw Routes.notFound();
        }
        return scale(r, t);
      }
      case "log" -> {
        if (kind != Kinds.PODS || !r.method().equals("GET")) {
          throw Routes.notFound();
        }
        return logs.handle(r, objects.require(Kinds.PODS, t.namespace(), t.name()));
      }
      case "binding" -> {
        if (kind != Kinds.PODS || !r.method().equals("POST")) {
          throw Routes.notFound();
        }
        return binding(r, t);
      }
      case "exec", "attach", "portforward" -> {
        if (kind != Kinds.PODS) {
          throw Routes.notFound();
        }
        objects.require(Kinds.PODS, t.namespace(), t.name());
        // Moat runs no container processes: there is nothing to exec into, attach to or forward.
        throw KubeException.badRequest(
            sub
                + " is not supported by this server: Moat runs no container processes for pod \""
                + t.name()
                + "\"");
      }
      case "finalize" -> {
        if (kind != Kinds.NAMESPACES || !r.method().equals("PUT")) {
          throw Routes.notFound();
        }
        ObjectNode body = Bodies.decode(r, kind);
        Resources.checkIdentity(kind, t, body);
        return ApiResponse.ok(Resources.tree(kind, Resources.update(objects, kind, body, false)));
      }
      default -> throw Routes.notFound();
    }
  }

  private Answer status(ApiRequest r, Target t) {
    Kind<?> kind = t.kind();
    ClusterObjects objects = r.objects();
    return switch (r.method()) {
      case "GET" ->
          ApiResponse.ok(Resources.tree(kind, objects.require(kind, t.namespace(), t.name())));
      case "PUT" -> {
        ObjectNode body = Bodies.decode(r, kind);
        Resources.checkIdentity(kind, t, body);
        yield ApiResponse.ok(Resources.tree(kind, Resources.update(objects, kind, body, true)));
      }
      case "PATCH" -> {
        ObjectNode live = Resources.tree(kind, objects.require(kind, t.namespace(), t.name()));
        ObjectNode patched = Patches.apply(r, kind, live, r.contentType());
        Resources.checkIdentity(kind, t, patched);
        patched.withObjectProperty("metadata").put("resourceVersion", Resources.rv(live));
        yield ApiResponse.ok(Resources.tree(kind, Resources.update(objects, kind, patched, true)));
      }
      default ->
          throw KubeException.methodNotAllowed(
              "the server does not allow this method on the requested resource");
    };
  }

  /** {@code autoscaling/v1 Scale} of a replicated workload. */
  private Answer scale(ApiRequest r, Target t) {
    Kind<?> kind = t.kind();
    ClusterObjects objects = r.objects();
    ObjectNode live = Resources.tree(kind, objects.require(kind, t.namespace(), t.name()));
    return switch (r.method()) {
      case "GET" -> ApiResponse.ok(scaleOf(live));
      case "PUT", "PATCH" -> {
        ObjectNode scale = KubeJson.tree(scaleOf(live));
        ObjectNode wanted =
            r.method().equals("PUT")
                ? KubeJson.parse(r.bodyText())
                : Patches.apply(r, kind, scale, r.contentType());
        String expected = wanted.path("metadata").path("resourceVersion").asString("");
        if (r.method().equals("PUT")
            && !expected.isEmpty()
            && !expected.equals(Resources.rv(live))) {
          throw KubeException.conflict(kind, t.name(), KubeException.MODIFIED);
        }
        JsonNode replicas = wanted.path("spec").path("replicas");
        if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
          throw KubeException.of(
              422,
              "Invalid",
              "Scale.autoscaling \""
                  + t.name()
                  + "\" is invalid: spec.replicas: Invalid value: "
                  + replicas
                  + ": must be greater than or equal to 0");
        }
        ObjectNode next = live.deepCopy();
        next.withObjectProperty("spec").put("replicas", replicas.asInt());
        HasMetadata updated = Resources.update(objects, kind, next, false);
        yield ApiResponse.ok(scaleOf(Resources.tree(kind, updated)));
      }
      default ->
          throw KubeException.methodNotAllowed(
              "the server does not allow this method on the requested resource");
    };
  }

  private static Map<String, Object> scaleOf(ObjectNode object) {
    JsonNode meta = object.path("metadata");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", meta.path("name").asString());
    m.put("namespace", meta.path("namespace").asString());
    m.put("uid", meta.path("uid").asString());
    m.put("resourceVersion", meta.path("resourceVersion").asString());
    m.put("creationTimestamp", meta.path("creationTimestamp").asString());
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    JsonNode selector = object.path("spec").path("selector");
    if (!selector.isMissingNode()) {
      status.put(
          "selector",
          LabelSelector.of(
                  KubeJson.mapper()
                      .convertValue(selector, io.fabric8.kubernetes.api.model.LabelSelector.class))
              .toString());
    }
    Map<String, Object> scale = new LinkedHashMap<>();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    scale.put("metadata", m);
    scale.put("spec", Map.of("replicas", object.path("spec").path("replicas").asInt(0)));
    scale.put("status", status);
    return scale;
  }

  /** {@code pods/binding}: the scheduler's way to set {@code spec.nodeName} once. */
  private Answer binding(ApiRequest r, Target t) {
    ObjectNode body = KubeJson.parse(r.bodyText());
    String node = body.path("target").path("name").asString("");
    if (node.isEmpty()) {
      throw KubeException.of(
          422, "Invalid", "Binding \"" + t.name() + "\" is invalid: target.name: Required value");
    }
    ClusterObjects objects = r.objects();
    ObjectNode pod =
        Resources.tree(Kinds.PODS, objects.require(Kinds.PODS, t.namespace(), t.name()));
    if (!pod.path("spec").path("nodeName").asString("").isEmpty()) {
      throw KubeException.conflict(
          Kinds.PODS,
          t.name(),
          "pod "
              + t.name()
              + " is already assigned to node \""
              + pod.path("spec").path("nodeName").asString()
              + "\"");
    }
    pod.withObjectProperty("spec").put("nodeName", node);
    Resources.update(objects, Kinds.PODS, pod, false);
    return ApiResponse.json(
        201,
        Map.of(
            "kind",
            "Status",
            "apiVersion",
            "v1",
            "metadata",
            Map.of(),
            "status",
            "Success",
            "code",
            201));
  }
}
