package dev.moat.kube.store;

import dev.moat.platform.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link KubeStore} in Moat's database (tables of migration {@code V2_1__kube_objects.sql}). Owns
 * two daemon threads: one delivering events to in-process listeners, one collecting garbage.
 */
public final class JdbcKubeStore implements KubeStore {
  /** Events kept per cluster for resuming watches. */
  public static final int DEFAULT_RING_SIZE = 4096;

  private final Database db;
  private final Clock clock;
  private final int ringSize;
  private final ExecutorService dispatchThread;
  private final ExecutorService gcThread;
  private final Dispatcher dispatcher;
  private final Map<String, JdbcClusterObjects> clusters = new ConcurrentHashMap<>();

  public JdbcKubeStore(Database db, Clock clock) {
    this(db, clock, DEFAULT_RING_SIZE);
  }

  /** With a watch ring of {@code ringSize} events per cluster (tests use small rings). */
  public JdbcKubeStore(Database db, Clock clock, int ringSize) {
    this.db = db;
    this.clock = clock;
    this.ringSize = ringSize;
    this.dispatchThread = Executors.newSingleThreadExecutor(daemon("kube-dispatch"));
    this.gcThread = Executors.newSingleThreadExecutor(daemon("kube-gc"));
    this.dispatcher = new Dispatcher(dispatchThread);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public ClusterObjects cluster(String key) {
    return clusters.computeIfAbsent(
        key, k -> new JdbcClusterObjects(k, db, clock, dispatcher, gcThread, ringSize));
  }

  @Override
  public Set<String> clusterKeys() {
    return db.inTransaction(
        c -> {
          Set<String> keys = new TreeSet<>();
          try (PreparedStatement s = c.prepareStatement("SELECT cluster_key FROM kube_clusters");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              keys.add(r.getString(1));
            }
          }
          return keys;
        });
  }

  @Override
  public void deleteCluster(String key) {
    JdbcClusterObjects objects = clusters.remove(key);
    dispatcher.forget(key);
    if (objects != null) {
      objects.deleteAll();
    } else {
      db.run(
          c -> {
            new ObjectRows(key).deleteCluster(c);
            return null;
          });
    }
  }

  @Override
  public void close() {
    dispatchThread.shutdownNow();
    gcThread.shutdownNow();
  }
}
