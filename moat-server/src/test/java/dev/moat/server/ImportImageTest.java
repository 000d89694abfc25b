package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.platform.contracts.NodeRuntime.ImagePull;
import dev.moat.platform.contracts.NodeRuntime.PullResult;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * {@code importImage} into a registry whose public network access is disabled: a server-side copy
 * by the registry itself, polled through {@code Location}; imported images then pull from isolated
 * nodes with AcrPull.
 */
class ImportImageTest {
  @AutoClose private static final IsolatedAcrFixture fx = new IsolatedAcrFixture("importacr");

  private static ArmResult post(String body) {
    return fx.moat.arm().post(fx.registryPath() + "/importImage", "2025-11-01", body);
  }

  /** Polls {@code Location} until the operation ends; the final answer. */
  private static ArmResult finish(ArmResult accepted) {
    accepted.expectStatus(202);
    assertThat(accepted.header("Retry-After")).isPresent();
    assertThat(accepted.header("Azure-AsyncOperation")).isEmpty();
    String location = accepted.header("Location").orElseThrow();
    assertThat(location)
        .contains("/providers/Microsoft.ContainerRegistry/locations/eastus/operationResults/");
    AtomicReference<ArmResult> last = new AtomicReference<>();
    Awaitility.await("import " + location)
        .atMost(TestMoat.timeout())
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              ArmResult r = fx.moat.arm().getUrl(location);
              last.set(r);
              return r.status() != 202;
            });
    return last.get();
  }

  @Test
  void anImportedImagePullsFromAnIsolatedNodeWithAcrPullAndNotWithout() {
    finish(
            post(
                "{\"source\":{\"registryUri\":\"docker.io\",\"sourceImage\":\"library/nginx:1.27\"},"
                    + "\"targetTags\":[\"web/nginx:1.27\"],\"mode\":\"NoForce\"}"))
        .expectStatus(200, 204);
    String acr = fx.loginServer();
    ImagePull pull =
        fx.wiring()
            .nodes()
            .pull(
                fx.isolatedNode("aks-imp-0", "192.168.1.20", fx.kubelet), acr + "/web/nginx:1.27");
    assertThat(pull.result()).as(pull.error()).isEqualTo(PullResult.PULLED);
    ImagePull upstream =
        fx.wiring()
            .nodes()
            .pull(fx.egressNode("aks-imp-1", "192.168.1.21", fx.kubelet), "nginx:1.27");
    assertThat(pull.imageId().substring(pull.imageId().indexOf('@')))
        .as("the same manifest, byte for byte")
        .isEqualTo(upstream.imageId().substring(upstream.imageId().indexOf('@')));

    ImagePull denied =
        fx.wiring()
            .nodes()
            .pull(
                fx.isolatedNode("aks-imp-2", "192.168.1.22", fx.identity("noacrpull")),
                acr + "/web/nginx:1.27");
    assertThat(denied.result()).isEqualTo(PullResult.FAILED);
    assertThat(denied.error())
        .contains("failed to authorize: failed to fetch oauth token")
        .endsWith(": 401 Unauthorized");
  }

  @Test
  void anExistingTagFailsUnderNoForceAndIsOverwrittenWithForce() {
    String body =
        "{\"source\":{\"registryUri\":\"registry.hub.docker.com\",\"sourceImage\":\"busybox:1.36\"},"
            + "\"targetTags\":[\"tools/busybox:stable\"]";
    finish(post(body + "}")).expectStatus(200, 204);
    ArmResult conflict = finish(post(body + ",\"mode\":\"NoForce\"}"));
    conflict.expectError(409, "InvalidParameters");
    assertThat(conflict.errorMessage())
        .isEqualTo("Tag tools/busybox:stable already exists in target registry.");
    finish(post(body + ",\"mode\":\"Force\"}")).expectStatus(200, 204);
  }

  @Test
  void aMissingSourceFailsTheOperation() {
    ArmResult missing =
        finish(
            post(
                "{\"source\":{\"registryUri\":\"docker.io\",\"sourceImage\":\"library/nginx:0.0.0-nope\"}}"));
    missing.expectError(404, "InvalidParameters");
    assertThat(missing.errorMessage())
        .isEqualTo("The source image docker.io/library/nginx:0.0.0-nope does not exist.");
  }

  @Test
  void anotherRegistryIsASourceByResourceIdAndUntaggedTargetsGetNoTag() {
    finish(
            post(
                "{\"source\":{\"registryUri\":\"quay.io\",\"sourceImage\":\"prometheus/busybox\"},"
                    + "\"targetTags\":[\"src/busybox:v1\"]}"))
        .expectStatus(200, 204);
    finish(
            post(
                "{\"source\":{\"resourceId\":\""
                    + fx.registryId
                    + "\",\"sourceImage\":\"src/busybox:v1\"},"
                    + "\"targetTags\":[\"copy/busybox\"],\"untaggedTargetRepositories\":[\"untagged/busybox\"]}"))
        .expectStatus(200, 204);
    ImagePull copied =
        fx.wiring()
            .nodes()
            .pull(
                fx.isolatedNode("aks-imp-3", "192.168.1.23", fx.kubelet),
                fx.loginServer() + "/copy/busybox:v1");
    assertThat(copied.result()).as(copied.error()).isEqualTo(PullResult.PULLED);
    String digest = copied.imageId().substring(copied.imageId().indexOf('@') + 1);
    ImagePull untagged =
        fx.wiring()
            .nodes()
            .pull(
                fx.isolatedNode("aks-imp-3", "192.168.1.23", fx.kubelet),
                fx.loginServer() + "/untagged/busybox@" + digest);
    assertThat(untagged.result()).as(untagged.error()).isEqualTo(PullResult.PULLED);
  }

  @Test
  void invalidBodiesAreRejectedBeforeAnyWork() {
    post("{}").expectError(400, "InvalidRequestContent");
    post("{\"source\":{\"registryUri\":\"docker.io\"}}").expectError(400, "InvalidRequestContent");
    ArmResult mode =
        post(
            "{\"source\":{\"registryUri\":\"docker.io\",\"sourceImage\":\"nginx\"},\"mode\":\"Sometimes\"}");
    mode.expectError(400, "InvalidParameters");
    post("{\"source\":{\"sourceImage\":\"nginx\"}}").expectError(400, "InvalidParameters");
    post("{\"source\":{\"registryUri\":\"docker.io\",\"sourceImage\":\"nginx\"},\"targetTags\":[\"Bad/Name:1\"]}")
        .expectError(400, "InvalidParameters");
    fx.moat
        .arm()
        .post(
            fx.rg + "/providers/Microsoft.ContainerRegistry/registries/nosuchacr1/importImage",
            "2025-11-01",
            "{\"source\":{\"registryUri\":\"docker.io\",\"sourceImage\":\"nginx\"}}")
        .expectError(404, "ResourceNotFound");
  }
}
