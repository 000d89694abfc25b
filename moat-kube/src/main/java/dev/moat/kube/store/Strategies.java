package dev.moat.kube.store;

import static dev.moat.kube.store.PodSpecs.putIfAbsent;

import dev.moat.kube.store.Validation.NameRule;
import io.fabric8.kubernetes.api.model.StatusCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@link Strategy} of each kind in {@link Kinds}. */
final class Strategies {
  private Strategies() {}

  static Strategy of(Kind<?> kind) {
    return switch (kind.plural()) {
      case "pods" -> new Pods();
      case "namespaces" ->
          new Simple(NameRule.LABEL, Set.of("status.phase")) {
            @Override
            public void applyDefaults(ObjectNode o) {
              ObjectNode meta = (ObjectNode) o.path("metadata");
              if (meta.hasNonNull("name")) {
                ObjectNode labels =
                    meta.get("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
                labels.put("kubernetes.io/metadata.name", meta.get("name").asString());
              }
              ObjectNode spec = o.get("spec") instanceof ObjectNode s ? s : o.putObject("spec");
              if (!spec.has("finalizers")) {
                spec.putArray("finalizers").add("kubernetes");
              }
              ObjectNode status =
                  o.get("status") instanceof ObjectNode s ? s : o.putObject("status");
              putIfAbsent(status, "phase", "Active");
            }
          };
      case "services" -> new Services();
      case "secrets" ->
          new Simple(NameRule.SUBDOMAIN, Set.of("type")) {
            @Override
            public void applyDefaults(ObjectNode o) {
              putIfAbsent(o, "type", "Opaque");
              if (o.get("stringData") instanceof ObjectNode plain) {
                ObjectNode data = o.get("data") instanceof ObjectNode d ? d : o.putObject("data");
                plain
                    .properties()
                    .forEach(
                        e ->
                            data.put(
                                e.getKey(),
                                java.util.Base64.getEncoder()
                                    .encodeToString(
                                        e.getValue()
                                            .asString()
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                o.remove("stringData");
              }
            }
          };
      case "events" ->
          new Simple(
              NameRule.SUBDOMAIN,
              Set.of(
                  "involvedObject.kind",
                  "involvedObject.namespace",
                  "involvedObject.name",
                  "involvedObject.uid",
                  "involvedObject.apiVersion",
                  "involvedObject.resourceVersion",
                  "involvedObject.fieldPath",
                  "reason",
                  "reportingComponent",
                  "source",
                  "type"));
      case "nodes" -> new Simple(NameRule.SUBDOMAIN, Set.of("spec.unschedulable"));
      case "deployments", "replicasets", "daemonsets", "statefulsets" -> new Workloads(kind);
      case "jobs" -> new Jobs();
      default -> new Simple(NameRule.SUBDOMAIN, Set.of());
    };
  }

  /** Name validation only. */
  static class Simple implements Strategy {
    private final NameRule rule;
    private final Set<String> fields;

    Simple(NameRule rule, Set<String> fields) {
      this.rule = rule;
      this.fields = fields;
    }

    @Override
    public void applyDefaults(ObjectNode object) {}

    @Override
    public List<StatusCause> validate(ObjectNode object) {
      List<StatusCause> causes = new ArrayList<>();
      Validation.name(causes, "metadata.name", object.path("metadata").get("name"), rule);
      return causes;
    }

    @Override
    public Set<String> selectableFields() {
      return fields;
    }
  }

  static final class Pods extends Simple {
    Pods() {
      super(
          NameRule.SUBDOMAIN,
          Set.of(
              "spec.nodeName",
              "spec.restartPolicy",
              "spec.schedulerName",
              "spec.serviceAccountName",
              "spec.hostNetwork",
              "status.phase",
              "status.podIP",
              "status.nominatedNodeName"));
    }

    @Override
    public void applyDefaults(ObjectNode o) {
      ObjectNode spec = o.get("spec") instanceof ObjectNode s ? s : o.putObject("spec");
      PodSpecs.defaults(spec, false);
      ObjectNode status = o.get("status") instanceof ObjectNode s ? s : o.putObject("status");
      putIfAbsent(status, "phase", "Pending");
      putIfAbsent(status, "qosClass", qosClass(spec));
    }

    @Override
    public List<StatusCause> validate(ObjectNode object) {
      List<StatusCause> causes = super.validate(object);
      PodSpecs.validate(causes, "spec", object.get("spec"), false);
      return causes;
    }

    @Override
    public List<StatusCause> validateUpdate(ObjectNode old, ObjectNode object) {
      List<StatusCause> causes = validate(object);
      // Pod specs are immutable but for images, activeDeadlineSeconds and tolerations additions;
      // Moat checks the field users trip over: containers may only change their image.
      ObjectNode a =
          old.path("spec") instanceof ObjectNode s1
              ? s1.deepCopy()
              : KubeJson.mapper().createObjectNode();
      ObjectNode b =
          object.path("spec") instanceof ObjectNode s2
              ? s2.deepCopy()
              : KubeJson.mapper().createObjectNode();
      for (ObjectNode s : List.of(a, b)) {
        s.remove(List.of("activeDeadlineSeconds", "tolerations", "nodeName"));
        for (String list : List.of("containers", "initContainers")) {
          if (s.get(list) instanceof ArrayNode cs) {
            cs.forEach(c -> ((ObjectNode) c).remove("image"));
          }
        }
      }
      if (!old.path("spec").path("nodeName").asString("").isEmpty()
          && !old.path("spec").path("nodeName").equals(object.path("spec").path("nodeName"))) {
        causes.add(
            Validation.invalid(
                "spec.nodeName",
                Validation.quote(object.path("spec").path("nodeName").asString("")),
                "field is immutable"));
      }
      if (!a.equals(b)) {
        causes.add(
            Validation.cause(
                "FieldValueForbidden",
                "spec",
                "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,"
                    + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
                    + "`spec.tolerations` (only additions to existing tolerations),"
                    + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was"
                    + " previously negative)"));
      }
      return causes;
    }

    private static String qosClass(ObjectNode spec) {
      boolean any = false;
      for (JsonNode c : spec.path("containers")) {
        JsonNode r = c.path("resources");
        if (r.path("requests").size() > 0 || r.path("limits").size() > 0) {
          any = true;
        }
      }
      return any ? "Burstable" : "BestEffort";
    }
  }

  static final class Services extends Simple {
    Services() {
      super(NameRule.DNS1035, Set.of("spec.clusterIP", "spec.type"));
    }

    @Override
    public void applyDefaults(ObjectNode o) {
      ObjectNode spec = o.get("spec") instanceof ObjectNode s ? s : o.putObject("spec");
      putIfAbsent(spec, "type", "ClusterIP");
      putIfAbsent(spec, "sessionAffinity", "None");
      putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
      if (!spec.get("type").asString().equals("ExternalName")) {
        putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
      }
      if (spec.get("ports") instanceof ArrayNode ports) {
        for (JsonNode p : ports) {
          if (p instanceof ObjectNode port) {
            putIfAbsent(port, "protocol", "TCP");
            if (!port.has("targetPort") && port.has("port")) {
              port.set("targetPort", port.get("port"));
            }
          }
        }
      }
      if (!o.has("status")) {
        o.putObject("status").putObject("loadBalancer");
      }
    }
  }

  /** Deployments, ReplicaSets, DaemonSets and StatefulSets: selector, template, defaults. */
  static final class Workloads extends Simple {
    private final Kind<?> kind;

    Workloads(Kind<?> kind) {
      super(
          NameRule.SUBDOMAIN,
          kind.plural().equals("replicasets") ? Set.of("status.replicas") : Set.of());
      this.kind = kind;
    }

    @Override
    public boolean tracksGeneration() {
      return true;
    }

    @Override
    public void applyDefaults(ObjectNode o) {
      ObjectNode spec = o.get("spec") instanceof ObjectNode s ? s : o.putObject("spec");
      boolean replicated = !kind.plural().equals("daemonsets");
      if (replicated && !spec.has("replicas")) {
        spec.put("replicas", 1);
      }
      switch (kind.plural()) {
        case "deployments" -> {
          if (!spec.has("strategy")) {
            spec.putObject("strategy").put("type", "RollingUpdate");
          }
          ObjectNode strategy = (ObjectNode) spec.get("strategy");
          if (strategy.path("type").asString("RollingUpdate").equals("RollingUpdate")) {
            strategy.put("type", "RollingUpdate");
            ObjectNode ru =
                strategy.get("rollingUpdate") instanceof ObjectNode r
                    ? r
                    : strategy.putObject("rollingUpdate");
            putIfAbsent(ru, "maxUnavailable", "25%");
            putIfAbsent(ru, "maxSurge", "25%");
          }
          if (!spec.has("revisionHistoryLimit")) {
            spec.put("revisionHistoryLimit", 10);
          }
          if (!spec.has("progressDeadlineSeconds")) {
            spec.put("progressDeadlineSeconds", 600);
          }
        }
        case "daemonsets" -> {
          if (!spec.has("updateStrategy")) {
            spec.putObject("updateStrategy").put("type", "RollingUpdate");
          }
          ObjectNode strategy = (ObjectNode) spec.get("updateStrategy");
          if (strategy.path("type").asString().equals("RollingUpdate")
              && !strategy.has("rollingUpdate")) {
            strategy.putObject("rollingUpdate").put("maxUnavailable", 1).put("maxSurge", 0);
          }
          if (!spec.has("revisionHistoryLimit")) {
            spec.put("revisionHistoryLimit", 10);
          }
        }
        case "statefulsets" -> {
          putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
          if (!spec.has("updateStrategy")) {
            spec.putObject("updateStrategy")
                .put("type", "RollingUpdate")
                .putObject("rollingUpdate")
                .put("partition", 0);
          }
          if (!spec.has("revisionHistoryLimit")) {
            spec.put("revisionHistoryLimit", 10);
          }
          if (!spec.has("persistentVolumeClaimRetentionPolicy")) {
            spec.putObject("persistentVolumeClaimRetentionPolicy")
                .put("whenDeleted", "Retain")
                .put("whenScaled", "Retain");
          }
        }
        default -> {}
      }
      if (spec.path("template").path("spec") instanceof ObjectNode podSpec) {
        PodSpecs.defaults(podSpec, true);
      }
    }

    @Override
    public List<StatusCause> validate(ObjectNode object) {
      List<StatusCause> causes = super.validate(object);
      JsonNode spec = object.path("spec");
      JsonNode selector = spec.get("selector");
      if (selector == null || selector.isNull()) {
        causes.add(Validation.required("spec.selector", ""));
      } else {
        LabelSelector parsed =
            LabelSelector.of(
                KubeJson.mapper()
                    .convertValue(selector, io.fabric8.kubernetes.api.model.LabelSelector.class));
        if (parsed.isEverything()) {
          causes.add(
              Validation.invalid(
                  "spec.selector",
                  goSelector(selector),
                  "empty selector is invalid for deployment"));
        }
        Map<String, String> labels = labels(spec.path("template").path("metadata").path("labels"));
        if (!parsed.matches(labels)) {
          causes.add(
              Validation.invalid(
                  "spec.template.metadata.labels",
                  goMap(labels),
                  "`selector` does not match template `labels`"));
        }
      }
      if (spec.path("replicas").asInt(0) < 0) {
        causes.add(
            Validation.invalid(
                "spec.replicas",
                spec.get("replicas").asString(),
                "must be greater than or equal to 0"));
      }
      PodSpecs.validate(causes, "spec.template.spec", spec.path("template").get("spec"), true);
      if (!kind.plural().equals("statefulsets")
          && !spec.path("template")
              .path("spec")
              .path("restartPolicy")
              .asString("Always")
              .equals("Always")) {
        causes.add(
            Validation.unsupported(
                "spec.template.spec.restartPolicy",
                spec.path("template").path("spec").path("restartPolicy").asString(),
                List.of("Always")));
      }
      return causes;
    }

    @Override
    public List<StatusCause> validateUpdate(ObjectNode old, ObjectNode object) {
      List<StatusCause> causes = validate(object);
      JsonNode before = old.path("spec").path("selector");
      JsonNode after = object.path("spec").path("selector");
      if (!before.equals(after)) {
        causes.add(Validation.invalid("spec.selector", goSelector(after), "field is immutable"));
      }
      return causes;
    }
  }

  static final class Jobs extends Simple {
    Jobs() {
      super(NameRule.SUBDOMAIN, Set.of("status.successful"));
    }

    @Override
    public boolean tracksGeneration() {
      return true;
    }

    @Override
    public void applyDefaults(ObjectNode o) {
      ObjectNode spec = o.get("spec") instanceof ObjectNode s ? s : o.putObject("spec");
      if (!spec.has("parallelism")) {
        spec.put("parallelism", 1);
      }
      if (!spec.has("completions") && spec.path("parallelism").asInt() == 1) {
        spec.put("completions", 1);
      }
      if (!spec.has("backoffLimit")) {
        spec.put("backoffLimit", 6);
      }
      putIfAbsent(spec, "completionMode", "NonIndexed");
      if (!spec.has("suspend")) {
        spec.put("suspend", false);
      }
      putIfAbsent(spec, "podReplacementPolicy", "TerminatingOrFailed");
      if (spec.path("template").path("spec") instanceof ObjectNode podSpec) {
        PodSpecs.defaults(podSpec, true);
      }
    }

    /** The apiserver generates the selector from the job's uid (batch/v1 job strategy). */
    static void generateSelector(ObjectNode job) {
      ObjectNode spec = (ObjectNode) job.path("spec");
      if (spec.path("manualSelector").asBoolean(false) || !(spec instanceof ObjectNode)) {
        return;
      }
      String uid = job.path("metadata").path("uid").asString();
      String name = job.path("metadata").path("name").asString();
      spec.putObject("selector")
          .putObject("matchLabels")
          .put("batch.kubernetes.io/controller-uid", uid);
      ObjectNode template =
          spec.get("template") instanceof ObjectNode t ? t : spec.putObject("template");
      ObjectNode meta =
          template.get("metadata") instanceof ObjectNode m ? m : template.putObject("metadata");
      ObjectNode labels = meta.get("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
      labels.put("batch.kubernetes.io/controller-uid", uid);
      labels.put("batch.kubernetes.io/job-name", name);
      labels.put("controller-uid", uid);
      labels.put("job-name", name);
    }

    @Override
    public List<StatusCause> validate(ObjectNode object) {
      List<StatusCause> causes = super.validate(object);
      JsonNode podSpec = object.path("spec").path("template").get("spec");
      PodSpecs.validate(causes, "spec.template.spec", podSpec, true);
      String restart = podSpec == null ? "" : podSpec.path("restartPolicy").asString("");
      if (!restart.equals("Never") && !restart.equals("OnFailure")) {
        causes.add(
            Validation.unsupported(
                "spec.template.spec.restartPolicy", restart, List.of("OnFailure", "Never")));
      }
      return causes;
    }
  }

  static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      labels.put(e.getKey(), e.getValue().asString());
    }
    return labels;
  }

  /** Go's {@code %#v} of a {@code map[string]string}, as validation messages print it. */
  static String goMap(Map<String, String> map) {
    StringBuilder s = new StringBuilder("map[string]string{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      s.append(first ? "" : ", ")
          .append(Validation.quote(e.getKey()))
          .append(':')
          .append(Validation.quote(e.getValue()));
      first = false;
    }
    return s.append('}').toString();
  }

  /** Go's {@code %#v} of a {@code *metav1.LabelSelector}, roughly. */
  static String goSelector(JsonNode selector) {
    String labels =
        selector.has("matchLabels")
            ? goMap(labels(selector.get("matchLabels")))
            : "map[string]string(nil)";
    return "v1.LabelSelector{MatchLabels:"
        + labels
        + ", MatchExpressions:[]v1.LabelSelectorRequirement(nil)}";
  }
}
