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
 * queued by the writer (under its cluster's write lock) and decoded once, when the first listener
 * of their kind wants them: every listener of the kind sees the same object, so listeners must not
 * change what they receive (they read it and enqueue keys, as informer handlers do).
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

  void dispatch(String cluster, WatchHub.Entry event, String text) {
    List<Entry> listeners = byCluster.get(cluster);
    if (listeners == null || listeners.isEmpty()) {
      return;
    }
    executor.execute(
        () -> {
          WatchEvent<?> decoded = null;
          for (Entry e : listeners) {
            if (e.kind().resource().equals(event.resource())) {
              if (decoded == null) {
                decoded = decode(e.kind(), event, text);
                if (decoded == null) {
                  return;
                }
              }
              deliver(e, decoded);
            }
          }
        });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static WatchEvent<?> decode(Kind<?> kind, WatchHub.Entry event, String text) {
    try {
      HasMetadata object = KubeJson.object((Kind) kind, text);
      return new WatchEvent<>(event.type(), object, event.rv());
    } catch (RuntimeException ex) {
      LOG.warn("kube event not decodable: {} {}", event.type(), event.resource(), ex);
      return null;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void deliver(Entry e, WatchEvent<?> event) {
    try {
      ((Listener) e.listener()).onEvent(event);
    } catch (RuntimeException ex) {
      LOG.warn("kube listener failed on {} {}", event.type(), e.kind().resource(), ex);
    }
  }

  void forget(String cluster) {
    byCluster.remove(cluster);
  }
}
