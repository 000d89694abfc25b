package dev.moat.kube.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scheduling predicates and the FailedScheduling text. */
class FitTest {
  private static Node node(String name, String pool, boolean tainted) {
    NodeBuilder b =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(Map.of("agentpool", pool, "kubernetes.io/hostname", name))
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .withAllocatable(Map.of("pods", new Quantity("2")))
            .endStatus();
    if (tainted) {
      b.editSpec()
          .addNewTaint()
          .withKey("node.kubernetes.io/not-ready")
          .withEffect("NoSchedule")
          .endTaint()
          .endSpec();
    }
    return b.build();
  }

  private static PodBuilder pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("x")
        .endContainer()
        .endSpec();
  }

  @Test
  void selectorAffinityTaintsAndCapacity() {
    Node n = node("n1", "pool1", false);
    assertThat(Fit.reject(pod().build(), n, 0)).isEmpty();
    assertThat(Fit.reject(pod().build(), n, 2)).contains("Too many pods");
    assertThat(
            Fit.reject(
                pod().editSpec().withNodeSelector(Map.of("agentpool", "pool2")).endSpec().build(),
                n,
                0))
        .contains("node(s) didn't match Pod's node affinity/selector");
    Pod affinity =
        pod()
            .editSpec()
            .withNewAffinity()
            .withNewNodeAffinity()
            .withNewRequiredDuringSchedulingIgnoredDuringExecution()
            .addNewNodeSelectorTerm()
            .addNewMatchExpression()
            .withKey("kubernetes.io/hostname")
            .withOperator("In")
            .withValues("n2")
            .endMatchExpression()
            .endNodeSelectorTerm()
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .endNodeAffinity()
            .endAffinity()
            .endSpec()
            .build();
    assertThat(Fit.reject(affinity, n, 0)).isPresent();
    assertThat(Fit.reject(affinity, node("n2", "pool1", false), 0)).isEmpty();
    Node tainted = node("n3", "pool1", true);
    assertThat(Fit.reject(pod().build(), tainted, 0))
        .contains("node(s) had untolerated taint {node.kubernetes.io/not-ready: }");
    Pod tolerant =
        pod()
            .editSpec()
            .addNewToleration()
            .withOperator("Exists")
            .endToleration()
            .endSpec()
            .build();
    assertThat(Fit.reject(tolerant, tainted, 0)).isEmpty();
  }

  @Test
  void failureMessageCountsAndSortsReasons() {
    Map<String, Integer> reasons = new LinkedHashMap<>();
    reasons.put("node(s) didn't match Pod's node affinity/selector", 2);
    reasons.put("Too many pods", 1);
    assertThat(Fit.failure(3, reasons))
        .isEqualTo(
            "0/3 nodes are available: 1 Too many pods, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    assertThat(Fit.failure(0, Map.of())).isEqualTo("no nodes available to schedule pods");
  }
}
