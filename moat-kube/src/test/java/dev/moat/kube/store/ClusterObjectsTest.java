package dev.moat.kube.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.moat.platform.store.SqliteDatabase;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic store through its public API, on a real SQLite database. */
class ClusterObjectsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private SqliteDatabase db;
  private JdbcKubeStore store;
  private ClusterObjects objects;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("moat.db"), false);
    store = new JdbcKubeStore(db, CLOCK, 16);
    objects = store.cluster("c1");
  }

  @AfterEach
  void close() {
    store.close();
    db.close();
  }

  static Pod pod(String name, Map<String, String> labels) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("nginx:1.27")
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void createAllWritesEachInOneTransactionAndReportsRefusalsPerObject() {
    objects.create(Kinds.PODS, pod("taken", Map.of()));
    long before = objects.resourceVersion();
    Pod invalid = pod("Not_A_Name", Map.of());
    List<ClusterObjects.Created<Pod>> results =
        objects.createAll(
            Kinds.PODS,
            List.of(
                pod("a", Map.of("app", "x")), pod("taken", Map.of()), invalid, pod("b", Map.of())));
    assertThat(results).hasSize(4);
    assertThat(results.get(0).object().getMetadata().getUid()).isNotBlank();
    assertThat(results.get(0).object().getSpec().getRestartPolicy()).isEqualTo("Always");
    assertThat(results.get(1).error().code()).isEqualTo(409);
    assertThat(results.get(2).error().code()).isEqualTo(422);
    assertThat(results.get(3).object().getMetadata().getName()).isEqualTo("b");
    // Two objects written: two resourceVersions, consecutive, in the order given.
    assertThat(Long.parseLong(results.get(0).object().getMetadata().getResourceVersion()))
        .isEqualTo(before + 1);
    assertThat(Long.parseLong(results.get(3).object().getMetadata().getResourceVersion()))
        .isEqualTo(before + 2);
    assertThat(objects.list(Kinds.PODS, ListOptions.in("default")).items())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("a", "b", "taken");
  }

  @Test
  void createStampsMetadataAndDefaults() {
    Pod created = objects.create(Kinds.PODS, pod("web", Map.of("app", "web")));
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getCreationTimestamp()).isEqualTo("2026-12-04T12:00:00Z");
    assertThat(created.getSpec().getRestartPolicy()).isEqualTo("Always");
    assertThat(created.getSpec().getContainers().get(0).getImagePullPolicy())
        .isEqualTo("IfNotPresent");
    assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(objects.require(Kinds.PODS, "default", "web").getMetadata().getResourceVersion())
        .isEqualTo(created.getMetadata().getResourceVersion());
    assertThat(objects.list(Kinds.NAMESPACES, ListOptions.all()).items())
        .extracting(n -> n.getMetadata().getName())
        .containsExactly("default", "kube-node-lease", "kube-public", "kube-system");
  }

  @Test
  void duplicateMissingNamespaceAndInvalid() {
    objects.create(Kinds.PODS, pod("web", Map.of()));
    assertThatThrownBy(() -> objects.create(Kinds.PODS, pod("web", Map.of())))
        .isInstanceOfSatisfying(
            KubeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(409);
              assertThat(e.getMessage()).isEqualTo("pods \"web\" already exists");
            });
    Pod elsewhere = pod("x", Map.of());
    elsewhere.getMetadata().setNamespace("nope");
    assertThatThrownBy(() -> objects.create(Kinds.PODS, elsewhere))
        .hasMessage("namespaces \"nope\" not found");
    assertThatThrownBy(() -> objects.create(Kinds.PODS, pod("Bad_Name", Map.of())))
        .isInstanceOfSatisfying(
            KubeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(422);
              assertThat(e.getMessage())
                  .startsWith(
                      "Pod \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain");
            });
  }

  @Test
  void staleUpdateConflictsAndGenerationTracksSpec() {
    Deployment d = objects.create(Kinds.DEPLOYMENTS, deployment("web", 1));
    assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal())
        .isEqualTo("25%");
    d.getSpec().setReplicas(3);
    Deployment updated = objects.update(Kinds.DEPLOYMENTS, d);
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
    d.getSpec().setReplicas(4); // d still carries the old resourceVersion
    assertThatThrownBy(() -> objects.update(Kinds.DEPLOYMENTS, d))
        .isInstanceOfSatisfying(
            KubeException.class, e -> assertThat(e.reason()).isEqualTo("Conflict"))
        .hasMessageContaining("the object has been modified");
    // A status write does not bump generation; an identical update is a no-op.
    Optional<Deployment> withStatus =
        objects.modify(
            Kinds.DEPLOYMENTS,
            "default",
            "web",
            true,
            x -> {
              x.setStatus(
                  new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                      .withReplicas(3)
                      .build());
              return x;
            });
    assertThat(withStatus.orElseThrow().getMetadata().getGeneration()).isEqualTo(2L);
    Deployment same = objects.update(Kinds.DEPLOYMENTS, withStatus.get());
    assertThat(same.getMetadata().getResourceVersion())
        .isEqualTo(withStatus.get().getMetadata().getResourceVersion());
  }

  static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void backgroundDeletionCollectsDependents() {
    Deployment d = objects.create(Kinds.DEPLOYMENTS, deployment("web", 1));
    ReplicaSet rs =
        objects.create(
            Kinds.REPLICA_SETS,
            new ReplicaSetBuilder()
                .withNewMetadata()
                .withName("web-abc")
                .withNamespace("default")
                .addNewOwnerReference()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName("web")
                .withUid(d.getMetadata().getUid())
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withSpec(deployment("web", 1).getSpec().getTemplate() == null ? null : null)
                .withNewSpec()
                .withSelector(d.getSpec().getSelector())
                .withTemplate(d.getSpec().getTemplate())
                .endSpec()
                .build());
    Pod p = pod("web-abc-xyz", Map.of("app", "web"));
    p.getMetadata()
        .setOwnerReferences(
            List.of(
                new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                    .withApiVersion("apps/v1")
                    .withKind("ReplicaSet")
                    .withName("web-abc")
                    .withUid(rs.getMetadata().getUid())
                    .build()));
    objects.create(Kinds.PODS, p);
    objects.delete(Kinds.DEPLOYMENTS, "default", "web", DeleteOptions.background());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> objects.get(Kinds.PODS, "default", "web-abc-xyz").isEmpty());
    assertThat(objects.get(Kinds.REPLICA_SETS, "default", "web-abc")).isEmpty();
  }

  @Test
  void watchResumesAndExpires() throws Exception {
    long start = objects.resourceVersion();
    objects.create(Kinds.CONFIG_MAPS, configMap("a"));
    objects.create(Kinds.CONFIG_MAPS, configMap("b"));
    try (Watch<ConfigMap> w = objects.watch(Kinds.CONFIG_MAPS, ListOptions.in("default"), start)) {
      assertThat(w.next(Duration.ofSeconds(10)).orElseThrow().object().getMetadata().getName())
          .isEqualTo("a");
      assertThat(w.next(Duration.ofSeconds(10)).orElseThrow().type())
          .isEqualTo(WatchEvent.Type.ADDED);
      objects.delete(Kinds.CONFIG_MAPS, "default", "a", DeleteOptions.background());
      WatchEvent<ConfigMap> deleted = w.next(Duration.ofSeconds(10)).orElseThrow();
      assertThat(deleted.type()).isEqualTo(WatchEvent.Type.DELETED);
    }
    for (int i = 0; i < 20; i++) {
      objects.create(Kinds.CONFIG_MAPS, configMap("n" + i));
    }
    assertThatThrownBy(() -> objects.watch(Kinds.CONFIG_MAPS, ListOptions.all(), start))
        .isInstanceOfSatisfying(KubeException.class, e -> assertThat(e.code()).isEqualTo(410));
  }

  @Test
  void listenersAndLabelSelection() {
    List<String> seen = new CopyOnWriteArrayList<>();
    objects.listen(Kinds.PODS, e -> seen.add(e.type() + " " + e.object().getMetadata().getName()));
    objects.create(Kinds.PODS, pod("a", Map.of("tier", "web")));
    objects.create(Kinds.PODS, pod("b", Map.of("tier", "db")));
    await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 2);
    assertThat(seen).containsExactly("ADDED a", "ADDED b");
    assertThat(
            objects
                .list(
                    Kinds.PODS,
                    ListOptions.all().withLabels(LabelSelector.parse("tier in (web,api)")))
                .items())
        .extracting(x -> x.getMetadata().getName())
        .containsExactly("a");
    assertThat(
            objects
                .list(Kinds.PODS, ListOptions.all().withLabels(LabelSelector.parse("tier!=web")))
                .items())
        .extracting(x -> x.getMetadata().getName())
        .containsExactly("b");
    ObjectList<Pod> page =
        objects.list(Kinds.PODS, ListOptions.all().withPage(1, Optional.empty()));
    assertThat(page.items()).hasSize(1);
    assertThat(
            objects.list(Kinds.PODS, ListOptions.all().withPage(1, page.continueToken())).items())
        .extracting(x -> x.getMetadata().getName())
        .containsExactly("b");
  }

  @Test
  void survivesReopen() {
    objects.create(Kinds.CONFIG_MAPS, configMap("kept"));
    long rv = objects.resourceVersion();
    store.close();
    db.close();
    db = SqliteDatabase.open(dir.resolve("moat.db"), false);
    store = new JdbcKubeStore(db, CLOCK, 16);
    objects = store.cluster("c1");
    assertThat(objects.get(Kinds.CONFIG_MAPS, "default", "kept")).isPresent();
    assertThat(objects.resourceVersion()).isEqualTo(rv);
  }

  static ConfigMap configMap(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .addToData("k", "v")
        .build();
  }
}
