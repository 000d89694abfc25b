package dev.moat.kube.store;

import dev.moat.kube.store.ClusterObjects.Registration;
import dev.moat.platform.store.Database;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link PodLogs} in the {@code kube_pod_logs} table: each append is one chunk row keyed by its
 * starting byte offset, so reads from an offset (follow) touch only new chunks.
 */
final class JdbcPodLogs implements PodLogs {
  private final Database db;
  private final String cluster;
  private final Map<String, List<Runnable>> watchers = new ConcurrentHashMap<>();

  JdbcPodLogs(Database db, String cluster) {
    this.db = db;
    this.cluster = cluster;
  }

  @Override
  public void append(String namespace, String pod, String container, String text) {
    if (text.isEmpty()) {
      return;
    }
    long length = text.getBytes(StandardCharsets.UTF_8).length;
    db.run(
        c -> {
          long start = 0;
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT MAX(start_offset + length) FROM kube_pod_logs WHERE cluster_key = ?"
                      + " AND namespace = ? AND pod = ? AND container = ?")) {
            bind(s, namespace, pod, container);
            try (ResultSet r = s.executeQuery()) {
              if (r.next()) {
                start = r.getLong(1);
              }
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO kube_pod_logs (cluster_key, namespace, pod, container, start_offset,"
                      + " length, text) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, namespace, pod, container);
            s.setLong(5, start);
            s.setLong(6, length);
            s.setString(7, text);
            s.executeUpdate();
          }
          return null;
        });
    for (Runnable r : watchers.getOrDefault(key(namespace, pod, container), List.of())) {
      r.run();
    }
  }

  @Override
  public Chunk read(String namespace, String pod, String container, long from, long limitBytes) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT start_offset, length, text FROM kube_pod_logs WHERE cluster_key = ?"
                      + " AND namespace = ? AND pod = ? AND container = ?"
                      + " AND start_offset + length > ? ORDER BY start_offset")) {
            bind(s, namespace, pod, container);
            s.setLong(5, from);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            long next = from;
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                long start = r.getLong(1);
                byte[] bytes = r.getString(3).getBytes(StandardCharsets.UTF_8);
                int skip = (int) Math.max(0, from - start);
                int take = bytes.length - skip;
                if (limitBytes > 0 && out.size() + take > limitBytes) {
                  take = (int) (limitBytes - out.size());
                }
                out.write(bytes, skip, Math.max(0, take));
                next = start + skip + Math.max(0, take);
                if (limitBytes > 0 && out.size() >= limitBytes) {
                  break;
                }
              }
            }
            return new Chunk(out.toString(StandardCharsets.UTF_8), next);
          }
        });
  }

  @Override
  public String tail(String namespace, String pod, String container, int lines) {
    String all = read(namespace, pod, container, 0, 0).text();
    if (lines < 0) {
      return all;
    }
    List<String> split = new ArrayList<>(List.of(all.split("(?<=\n)")));
    if (all.isEmpty()) {
      return "";
    }
    return String.join("", split.subList(Math.max(0, split.size() - lines), split.size()));
  }

  @Override
  public Registration onAppend(String namespace, String pod, String container, Runnable onAppend) {
    String key = key(namespace, pod, container);
    List<Runnable> list = watchers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
    list.add(onAppend);
    return () -> list.remove(onAppend);
  }

  @Override
  public void remove(String namespace, String pod) {
    db.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM kube_pod_logs WHERE cluster_key = ? AND namespace = ? AND pod = ?")) {
            s.setString(1, cluster);
            s.setString(2, namespace);
            s.setString(3, pod);
            s.executeUpdate();
          }
          return null;
        });
  }

  private void bind(PreparedStatement s, String namespace, String pod, String container)
      throws java.sql.SQLException {
    s.setString(1, cluster);
    s.setString(2, namespace);
    s.setString(3, pod);
    s.setString(4, container);
  }

  private static String key(String namespace, String pod, String container) {
    return namespace + "/" + pod + "/" + container;
  }
}
