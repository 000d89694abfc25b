package dev.moat.kube.store;

import dev.moat.kube.store.ClusterObjects.Listener;
import dev.moat.kube.store.ClusterObjects.Registration;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed changes to in-process listeners on one thread, in commit order. Events are
 * queued by the writer (under its cluster's write lock) and decoded per listener, so a listener may
 * keep or change what it receives.
 */
final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private record Entry(Kind<?> kind, Listener<?> listener) {}

  private final ExecutorService executor;
  private final Map<String, List<Entry>> byCluster = new ConcurrentHashMap<>();

  Dispatcher(ExecutorService executor) {
    this.executor = executor;
  }

  <T extends HasMetadata> Registration register(
      String cluster, Kind<T> kind, Listener<T> listener) {
    Entry entry = new Entry(kind, listener);
    List<Entry> list = byCluster.computeIfAbsent(cluster, k -> new CopyOnWriteArrayList<>());
    list.add(entry);
    return () -> list.remove(entry);
  }

  void dispatch(String cluster, WatchHub.Entry event) {
    List<Entry> listeners = byCluster.get(cluster);
    if (listeners == null || listeners.isEmpty()) {
      return;
    }
    executor.execute(
        () -> {
          for (Entry e : listeners) {
            if (e.kind().resource().equals(event.resource())) {
              deliver(e, event);
            }
          }
        });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void deliver(Entry e, WatchHub.Entry event) {
    try {
      HasMetadata object = KubeJson.object((Kind) e.kind(), event.tree());
      ((Listener) e.listener()).onEvent(new WatchEvent<>(event.type(), object, event.rv()));
    } catch (RuntimeException ex) {
      LOG.warn("kube listener failed on {} {}", event.type(), event.resource(), ex);
    }
  }

  void forget(String cluster) {
    byCluster.remove(cluster);
  }
}
