package dev.moat.containerservice.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.platform.contracts.NodeBootstrapper.NodeOutcome;
import dev.moat.platform.id.ResourceId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A launch that ends wakes the resource waiting for it: clusters do not poll their nodes. */
class NodeLaunchesTest {
  private static final ResourceId CLUSTER =
      ResourceId.parse(
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c");

  @Test
  void theWaiterIsWokenWhenItsLaunchEndsAndTheOutcomeIsThenCollected() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    NodeOutcome ready = new NodeOutcome(true, 0, null, null, List.of(), Duration.ZERO);
    List<ResourceId> woken = new CopyOnWriteArrayList<>();
    try (NodeLaunches launches =
        new NodeLaunches(
            spec -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ready;
            },
            1,
            woken::add)) {
      assertThat(launches.poll("n1", null, CLUSTER)).isEmpty();
      assertThat(woken).isEmpty();
      release.countDown();
      await().atMost(Duration.ofSeconds(30)).until(() -> woken.contains(CLUSTER));
      assertThat(launches.poll("n1", null, CLUSTER)).contains(ready);
    }
  }
}
