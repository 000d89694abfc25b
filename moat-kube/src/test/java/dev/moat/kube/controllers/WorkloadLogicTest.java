package dev.moat.kube.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Names and rolling-update arithmetic. */
class WorkloadLogicTest {
  private static PodTemplateSpec template(String image, Map<String, String> labels) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage(image)
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void templateHashChangesIffTemplateChanges() {
    String a = Names.templateHash(template("nginx:1.27", Map.of("app", "web")), null);
    assertThat(a).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
    assertThat(Names.templateHash(template("nginx:1.27", Map.of("app", "web")), null)).isEqualTo(a);
    assertThat(
            Names.templateHash(
                template("nginx:1.27", Map.of("app", "web", Names.TEMPLATE_HASH, "x")), null))
        .as("its own pod-template-hash label does not count")
        .isEqualTo(a);
    assertThat(Names.templateHash(template("nginx:1.28", Map.of("app", "web")), null))
        .isNotEqualTo(a);
    assertThat(Names.templateHash(template("nginx:1.27", Map.of("app", "web")), 1)).isNotEqualTo(a);
  }

  @Test
  void suffixUsesTheSafeAlphabet() {
    assertThat(Names.suffix(new Random(1))).matches("[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void fencepostsRoundSurgeUpAndUnavailableDown() {
    assertThat(Rollout.fenceposts(null, null, 10)).containsExactly(3, 2);
    assertThat(Rollout.fenceposts(null, null, 1)).containsExactly(1, 0);
    assertThat(Rollout.fenceposts(new IntOrString(0), new IntOrString(0), 3)).containsExactly(0, 1);
    assertThat(Rollout.fenceposts(new IntOrString("50%"), new IntOrString(1), 3))
        .containsExactly(2, 1);
  }

  @Test
  void rollingStepsStayWithinSurgeAndAvailability() {
    // 4 replicas, surge 1, unavailable 1: the new RS may go to 1 while 4 old exist.
    assertThat(Rollout.scaleUpNew(4, 1, 4, 0)).isEqualTo(1);
    assertThat(Rollout.scaleUpNew(4, 1, 5, 1)).isEqualTo(1);
    // 5 pods, 1 new not yet available: may remove 5 - 3 - 1 = 1 old.
    assertThat(Rollout.maxScaleDown(4, 1, 5, 1, 0)).isEqualTo(1);
    // New pod available: may remove 2.
    assertThat(Rollout.maxScaleDown(4, 1, 5, 1, 1)).isEqualTo(2);
    assertThat(Rollout.maxScaleDown(4, 0, 4, 0, 0)).isZero();
  }
}
