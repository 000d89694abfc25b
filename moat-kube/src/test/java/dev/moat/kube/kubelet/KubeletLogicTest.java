package dev.moat.kube.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Image references, back-off, texts and pod phase. */
class KubeletLogicTest {
  private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

  @Test
  void referencesNormaliseAsContainerd() {
    assertThat(ImageRef.normalize("nginx")).isEqualTo("docker.io/library/nginx:latest");
    assertThat(ImageRef.normalize("nginx:1.27")).isEqualTo("docker.io/library/nginx:1.27");
    assertThat(ImageRef.normalize("bitnami/redis")).isEqualTo("docker.io/bitnami/redis:latest");
    assertThat(ImageRef.normalize("myacr.azurecr.io/app:v1")).isEqualTo("myacr.azurecr.io/app:v1");
    assertThat(ImageRef.normalize("localhost:5000/app")).isEqualTo("localhost:5000/app:latest");
    assertThat(ImageRef.repository("mcr.microsoft.com/aks/canipull:v0.1.0"))
        .isEqualTo("aks/canipull");
    assertThat(ImageRef.defaultPullPolicy("nginx")).isEqualTo("Always");
    assertThat(ImageRef.defaultPullPolicy("nginx:latest")).isEqualTo("Always");
    assertThat(ImageRef.defaultPullPolicy("localhost:5000/nginx")).isEqualTo("Always");
    assertThat(ImageRef.defaultPullPolicy("nginx:1.27")).isEqualTo("IfNotPresent");
  }

  @Test
  void backOffDoublesFromTenToThreeHundredSecondsPerPodAndImage() {
    ImageBackOff b = new ImageBackOff();
    Instant t = T0;
    long[] expected = {10, 20, 40, 80, 160, 300, 300};
    for (long e : expected) {
      Instant until = b.failed("uid", "nginx", t);
      assertThat(Duration.between(t, until).toSeconds()).isEqualTo(e);
      assertThat(b.inWindow("uid", "nginx", t.plusSeconds(e - 1))).isPresent();
      assertThat(b.inWindow("uid", "nginx", until)).isEmpty();
      t = until;
    }
    assertThat(b.inWindow("other-uid", "nginx", t)).isEmpty();
    b.succeeded("uid", "nginx");
    assertThat(b.failed("uid", "nginx", t)).isEqualTo(t.plusSeconds(10));
    ImageBackOff restored = new ImageBackOff();
    restored.restore("uid", "nginx", 3, T0);
    assertThat(restored.inWindow("uid", "nginx", T0.plusSeconds(39))).contains(T0.plusSeconds(40));
  }

  @Test
  void textsAreKubectl132s() {
    assertThat(
            KubeletTexts.pulled(
                "nginx", Duration.ofMillis(1393), Duration.ofMillis(1393), 62958873))
        .isEqualTo(
            "Successfully pulled image \"nginx\" in 1.393s (1.393s including waiting). Image size: 62958873 bytes.");
    assertThat(KubeletTexts.seconds(Duration.ofMillis(2500))).isEqualTo("2.5s");
    assertThat(KubeletTexts.seconds(Duration.ofMillis(412))).isEqualTo("412ms");
    assertThat(KubeletTexts.created("web")).isEqualTo("Created container: web");
    assertThat(KubeletTexts.started("web")).isEqualTo("Started container web");
    assertThat(KubeletTexts.backOffMessage("nginx", "boom"))
        .isEqualTo("Back-off pulling image \"nginx\": ErrImagePull: boom");
  }

  private static ContainerStatus waiting() {
    return new ContainerStatusBuilder()
        .withName("a")
        .withReady(false)
        .withNewState()
        .withNewWaiting()
        .withReason("ErrImagePull")
        .endWaiting()
        .endState()
        .build();
  }

  private static ContainerStatus running() {
    return new ContainerStatusBuilder()
        .withName("b")
        .withReady(true)
        .withNewState()
        .withNewRunning()
        .endRunning()
        .endState()
        .build();
  }

  private static ContainerStatus exited(int code) {
    return new ContainerStatusBuilder()
        .withName("c")
        .withReady(false)
        .withNewState()
        .withNewTerminated()
        .withExitCode(code)
        .endTerminated()
        .endState()
        .build();
  }

  @Test
  void phaseAndConditionsFollowContainers() {
    assertThat(PodStatuses.phase(List.of(waiting(), running()), "Always")).isEqualTo("Pending");
    assertThat(PodStatuses.phase(List.of(running()), "Always")).isEqualTo("Running");
    assertThat(PodStatuses.phase(List.of(exited(0)), "Never")).isEqualTo("Succeeded");
    assertThat(PodStatuses.phase(List.of(exited(60)), "Never")).isEqualTo("Failed");
    var cs = PodStatuses.conditions(List.of(waiting(), running()), "Pending", List.of(), "t");
    assertThat(cs)
        .anyMatch(
            c ->
                c.getType().equals("Ready")
                    && c.getStatus().equals("False")
                    && c.getReason().equals("ContainersNotReady")
                    && c.getMessage().equals("containers with unready status: [a]"));
  }
}
