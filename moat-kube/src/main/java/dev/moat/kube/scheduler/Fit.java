package dev.moat.kube.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scheduler's filter plugins Moat implements ({@code NodeUnschedulable}, {@code NodeAffinity}
 * for {@code nodeSelector} and required node affinity, {@code TaintToleration}, and the pod count
 * of {@code NodeResourcesFit}), with the reason texts of {@code FailedScheduling}. Pure.
 */
public final class Fit {
  static final String AFFINITY = "node(s) didn't match Pod's node affinity/selector";
  static final String TOO_MANY = "Too many pods";
  static final String UNSCHEDULABLE = "node(s) were unschedulable";

  private Fit() {}

  /**
   * Why {@code pod} cannot go to {@code node}, or empty when it fits.
   *
   * @param podsOnNode pods already bound there (not terminated)
   */
  public static Optional<String> reject(Pod pod, Node node, int podsOnNode) {
    if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      boolean tolerated =
          tolerations(pod).stream()
              .anyMatch(
                  t ->
                      tolerates(
                          t,
                          new Taint("NoSchedule", "node.kubernetes.io/unschedulable", null, null)));
      if (!tolerated) {
        return Optional.of(UNSCHEDULABLE);
      }
    }
    if (!selectorMatches(pod, node)) {
      return Optional.of(AFFINITY);
    }
    Optional<Taint> taint = untolerated(pod, node);
    if (taint.isPresent()) {
      Taint t = taint.get();
      return Optional.of(
          "node(s) had untolerated taint {"
              + t.getKey()
              + ": "
              + (t.getValue() == null ? "" : t.getValue())
              + "}");
    }
    if (podsOnNode >= allocatablePods(node)) {
      return Optional.of(TOO_MANY);
    }
    return Optional.empty();
  }

  /** {@code status.allocatable.pods}; 110 (kubelet's default) when unset. */
  public static int allocatablePods(Node node) {
    if (node.getStatus() == null || node.getStatus().getAllocatable() == null) {
      return 110;
    }
    var q = node.getStatus().getAllocatable().get("pods");
    return q == null ? 110 : Integer.parseInt(q.getAmount());
  }

  /**
   * The {@code FailedScheduling} message for reasons counted over all nodes, as {@code
   * framework.FitError} renders it (count-prefixed reasons, sorted).
   */
  public static String failure(int nodes, Map<String, Integer> reasons) {
    if (nodes == 0) {
      return "no nodes available to schedule pods";
    }
    TreeMap<String, Integer> sorted = new TreeMap<>();
    reasons.forEach((r, n) -> sorted.put(n + " " + r, n));
    String joined = String.join(", ", sorted.keySet().stream().sorted().toList());
    return "0/"
        + nodes
        + " nodes are available: "
        + joined
        + ". preemption: 0/"
        + nodes
        + " nodes are available: "
        + nodes
        + " Preemption is not helpful for scheduling.";
  }

  static boolean selectorMatches(Pod pod, Node node) {
    Map<String, String> labels =
        node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    if (selector != null) {
      for (var e : selector.entrySet()) {
        if (!Objects.equals(labels.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
    }
    var affinity = pod.getSpec().getAffinity();
    if (affinity == null
        || affinity.getNodeAffinity() == null
        || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return true;
    }
    List<NodeSelectorTerm> terms =
        affinity
            .getNodeAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution()
            .getNodeSelectorTerms();
    if (terms == null || terms.isEmpty()) {
      return false; // an empty term list matches nothing
    }
    return terms.stream().anyMatch(t -> termMatches(t, labels, node.getMetadata().getName()));
  }

  private static boolean termMatches(NodeSelectorTerm t, Map<String, String> labels, String name) {
    boolean any = false;
    if (t.getMatchExpressions() != null) {
      for (NodeSelectorRequirement r : t.getMatchExpressions()) {
        any = true;
        if (!requirement(r, labels.get(r.getKey()), labels.containsKey(r.getKey()))) {
          return false;
        }
      }
    }
    if (t.getMatchFields() != null) {
      for (NodeSelectorRequirement r : t.getMatchFields()) {
        any = true;
        if (!r.getKey().equals("metadata.name") || !requirement(r, name, true)) {
          return false;
        }
      }
    }
    return any; // a term with no requirements matches nothing
  }

  private static boolean requirement(NodeSelectorRequirement r, String value, boolean present) {
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    return switch (r.getOperator()) {
      case "In" -> present && values.contains(value);
      case "NotIn" -> !present || !values.contains(value);
      case "Exists" -> present;
      case "DoesNotExist" -> !present;
      case "Gt" -> present && number(value) > number(values.get(0));
      case "Lt" -> present && number(value) < number(values.get(0));
      default -> false;
    };
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }

  /** The first NoSchedule/NoExecute taint the pod does not tolerate. */
  static Optional<Taint> untolerated(Pod pod, Node node) {
    if (node.getSpec() == null || node.getSpec().getTaints() == null) {
      return Optional.empty();
    }
    List<Toleration> tolerations = tolerations(pod);
    for (Taint t : node.getSpec().getTaints()) {
      if ("PreferNoSchedule".equals(t.getEffect())) {
        continue;
      }
      if (tolerations.stream().noneMatch(tol -> tolerates(tol, t))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static boolean tolerates(Toleration tol, Taint t) {
    if (tol.getEffect() != null
        && !tol.getEffect().isEmpty()
        && !tol.getEffect().equals(t.getEffect())) {
      return false;
    }
    if ("Exists".equals(tol.getOperator())) {
      return tol.getKey() == null || tol.getKey().isEmpty() || tol.getKey().equals(t.getKey());
    }
    return Objects.equals(tol.getKey(), t.getKey())
        && Objects.equals(
            tol.getValue() == null ? "" : tol.getValue(), t.getValue() == null ? "" : t.getValue());
  }

  private static List<Toleration> tolerations(Pod pod) {
    return pod.getSpec().getTolerations() == null ? List.of() : pod.getSpec().getTolerations();
  }
}
