package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.StatusCause;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Defaulting and validation of a PodSpec, shared by pods and every pod template. */
final class PodSpecs {
  private PodSpecs() {}

  /** {@code k8s.io/kubernetes/pkg/apis/core/v1/defaults.go} for the fields users see. */
  static void defaults(ObjectNode spec, boolean template) {
    putIfAbsent(spec, "restartPolicy", "Always");
    putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    putIfAbsent(spec, "schedulerName", "default-scheduler");
    if (!spec.has("terminationGracePeriodSeconds")) {
      spec.put("terminationGracePeriodSeconds", 30);
    }
    if (!spec.has("securityContext")) {
      spec.putObject("securityContext");
    }
    if (!template) {
      // The ServiceAccount admission plugin fills these for pods, not for templates.
      putIfAbsent(spec, "serviceAccountName", "default");
      putIfAbsent(spec, "serviceAccount", spec.get("serviceAccountName").asString());
      if (!spec.has("enableServiceLinks")) {
        spec.put("enableServiceLinks", true);
      }
      if (!spec.has("priority")) {
        spec.put("priority", 0);
      }
      putIfAbsent(spec, "preemptionPolicy", "PreemptLowerPriority");
      if (!spec.has("tolerations")) {
        // DefaultTolerationSeconds admission.
        ArrayNode t = spec.putArray("tolerations");
        for (String key :
            List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
          t.addObject()
              .put("key", key)
              .put("operator", "Exists")
              .put("effect", "NoExecute")
              .put("tolerationSeconds", 300);
        }
      }
    }
    for (String list : List.of("initContainers", "containers")) {
      if (spec.get(list) instanceof ArrayNode containers) {
        for (JsonNode c : containers) {
          if (c instanceof ObjectNode container) {
            containerDefaults(container);
          }
        }
      }
    }
  }

  private static void containerDefaults(ObjectNode c) {
    if (!c.has("imagePullPolicy") && c.hasNonNull("image")) {
      String image = c.get("image").asString();
      String last = image.substring(image.lastIndexOf('/') + 1);
      boolean latest = !image.contains("@") && (!last.contains(":") || last.endsWith(":latest"));
      c.put("imagePullPolicy", latest ? "Always" : "IfNotPresent");
    }
    putIfAbsent(c, "terminationMessagePath", "/dev/termination-log");
    putIfAbsent(c, "terminationMessagePolicy", "File");
    if (!c.has("resources")) {
      c.putObject("resources");
    }
    if (c.get("ports") instanceof ArrayNode ports) {
      for (JsonNode p : ports) {
        if (p instanceof ObjectNode port) {
          putIfAbsent(port, "protocol", "TCP");
        }
      }
    }
  }

  static void validate(List<StatusCause> causes, String path, JsonNode spec, boolean template) {
    if (spec == null || !spec.isObject()) {
      causes.add(Validation.required(path + ".containers", ""));
      return;
    }
    JsonNode containers = spec.get("containers");
    if (containers == null || !containers.isArray() || containers.isEmpty()) {
      causes.add(Validation.required(path + ".containers", ""));
    } else {
      containers(causes, path + ".containers", containers);
    }
    if (spec.get("initContainers") instanceof ArrayNode init) {
      containers(causes, path + ".initContainers", init);
    }
    String restart = spec.path("restartPolicy").asString("Always");
    if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
      causes.add(
          Validation.unsupported(
              path + ".restartPolicy", restart, List.of("Always", "OnFailure", "Never")));
    }
  }

  private static void containers(List<StatusCause> causes, String path, JsonNode containers) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < containers.size(); i++) {
      JsonNode c = containers.get(i);
      String at = path + "[" + i + "]";
      String name = c.path("name").asString("");
      if (name.isEmpty()) {
        causes.add(Validation.required(at + ".name", ""));
      } else {
        Validation.label(causes, at + ".name", name);
        if (!names.add(name)) {
          causes.add(
              Validation.cause(
                  "FieldValueDuplicate",
                  at + ".name",
                  "Duplicate value: " + Validation.quote(name)));
        }
      }
      if (c.path("image").asString("").isBlank()) {
        causes.add(Validation.required(at + ".image", ""));
      }
    }
  }

  static void putIfAbsent(ObjectNode node, String field, String value) {
    if (!node.hasNonNull(field)) {
      node.put(field, value);
    }
  }
}
