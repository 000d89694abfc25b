package dev.moat.kube.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.JdbcKubeStore;
import dev.moat.kube.store.Kinds;
import dev.moat.platform.store.SqliteDatabase;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The informer-style index over a real store: seeding, committed changes, writes put ahead. */
class ObjectIndexTest {
  @TempDir Path dir;
  private SqliteDatabase db;
  private JdbcKubeStore store;
  private ClusterObjects objects;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("moat.db"), false);
    store = new JdbcKubeStore(db, Clock.systemUTC(), 64);
    objects = store.cluster("c1");
  }

  @AfterEach
  void close() {
    store.close();
    db.close();
  }

  private static Pod pod(String name, String node) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .addNewContainer()
        .withName("app")
        .withImage("nginx:1.27")
        .endContainer()
        .endSpec()
        .build();
  }

  private static String node(Pod p) {
    return p.getSpec().getNodeName();
  }

  @Test
  void seedsFromTheStoreThenFollowsCommittedChanges() {
    objects.create(Kinds.PODS, pod("a", "n1"));
    Map<String, String> seen = new ConcurrentHashMap<>();
    List<String> changes = new CopyOnWriteArrayList<>();
    try (ObjectIndex<Pod, String> index =
        new ObjectIndex<>(
            objects,
            Kinds.PODS,
            ObjectIndexTest::node,
            (k, before, after) -> {
              changes.add(k + ":" + before + "->" + after);
              if (after == null) {
                seen.remove(k);
              } else {
                seen.put(k, after);
              }
            })) {
      assertThat(index.get("default/a")).isEqualTo("n1");

      objects.create(Kinds.PODS, pod("b", "n2"));
      objects.create(Kinds.PODS, pod("unbound", null));
      objects.delete(Kinds.PODS, "default", "a", DeleteOptions.now());
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(seen).isEqualTo(Map.of("default/b", "n2")));
      assertThat(index.get("default/a")).isNull();
      assertThat(index.get("default/unbound")).isNull(); // the view said "not indexed"
      assertThat(changes)
          .containsExactly("default/a:null->n1", "default/b:null->n2", "default/a:n1->null");
    }
  }

  @Test
  void aRemovalPutAheadIsNotUndoneByOlderEvents() throws Exception {
    List<String> changes = new CopyOnWriteArrayList<>();
    try (ObjectIndex<Pod, String> index =
        new ObjectIndex<>(
            objects,
            Kinds.PODS,
            ObjectIndexTest::node,
            (k, before, after) -> changes.add(k + ":" + before + "->" + after))) {
      // The writer learns its own results at once, before the store's events reach the index.
      Pod created = objects.create(Kinds.PODS, pod("x", "n1"));
      Pod gone = objects.delete(Kinds.PODS, "default", "x", DeleteOptions.now());
      index.put("default/x", node(created), rv(created));
      index.put("default/x", null, rv(gone));
      // A marker written after both: once its event is in, the older events of x were too.
      objects.create(Kinds.PODS, pod("marker", "n9"));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(index.get("default/marker")).isEqualTo("n9"));
      assertThat(index.get("default/x")).isNull();
      assertThat(changes)
          .containsExactly("default/x:null->n1", "default/x:n1->null", "default/marker:null->n9");
    }
  }

  private static long rv(Pod p) {
    return Long.parseLong(p.getMetadata().getResourceVersion());
  }
}
