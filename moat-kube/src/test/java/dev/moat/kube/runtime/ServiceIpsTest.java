package dev.moat.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.JdbcKubeStore;
import dev.moat.kube.store.Kinds;
import dev.moat.platform.store.SqliteDatabase;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Services get cluster IPs from the cluster's service CIDR once the cluster's runtime knows it. */
class ServiceIpsTest {
  @TempDir Path dir;

  private static Service service(String name, String type, String clusterIp) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withType(type)
        .withClusterIP(clusterIp)
        .withExternalName(type.equals("ExternalName") ? "example.com" : null)
        .addNewPort()
        .withPort(80)
        .endPort()
        .endSpec()
        .build();
  }

  private static String ip(ClusterObjects objects, String name) {
    return objects.get(Kinds.SERVICES, "default", name).orElseThrow().getSpec().getClusterIP();
  }

  @Test
  void servicesGetDistinctAddressesInTheServiceCidr() {
    TestTime time = new TestTime(Instant.parse("2026-12-04T12:00:00Z"));
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("moat.db"), false);
        JdbcKubeStore store = new JdbcKubeStore(db, time);
        KubeRuntimes runtimes = new KubeRuntimes(store, new FakeNodeRuntime(), time, time, 2, 2)) {
      ClusterObjects objects = store.cluster("c1");
      objects.create(Kinds.SERVICES, service("a", "ClusterIP", null));
      objects.create(Kinds.SERVICES, service("taken", "ClusterIP", "172.16.0.2"));
      objects.create(Kinds.SERVICES, service("headless", "ClusterIP", "None"));
      objects.create(Kinds.SERVICES, service("external", "ExternalName", null));
      runtimes.sync(
          "c1", new ClusterState("aks1", "1.30.3", "172.16.0.0/24", "172.16.0.10", List.of()));
      objects.create(Kinds.SERVICES, service("b", "NodePort", null));

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ip(objects, "a") != null && ip(objects, "b") != null);
      assertThat(List.of(ip(objects, "a"), ip(objects, "b")))
          .doesNotHaveDuplicates()
          .allSatisfy(
              ip -> assertThat(ip).startsWith("172.16.0.").isNotIn("172.16.0.2", "172.16.0.1"));
      assertThat(ip(objects, "headless")).isEqualTo("None");
      assertThat(ip(objects, "external")).isNull();
      assertThat(
              objects.get(Kinds.SERVICES, "default", "a").orElseThrow().getSpec().getClusterIPs())
          .containsExactly(ip(objects, "a"));
    }
  }
}
