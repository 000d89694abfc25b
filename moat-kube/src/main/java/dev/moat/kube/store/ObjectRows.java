package dev.moat.kube.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code kube_*} tables, for one cluster. Runs inside the caller's transaction. */
final class ObjectRows {
  /** A stored object. {@code namespace} is empty for cluster-scoped kinds. */
  record Row(String resource, String namespace, String name, String uid, long rv, String body) {}

  /** The address of a stored object. */
  record Ref(String resource, String namespace, String name) {}

  private final String cluster;

  ObjectRows(String cluster) {
    this.cluster = cluster;
  }

  /** Creates the counter row; false if it already existed. */
  boolean ensureCluster(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT resource_version FROM kube_clusters WHERE cluster_key = ?")) {
      s.setString(1, cluster);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO kube_clusters (cluster_key, resource_version) VALUES (?, 0)")) {
      s.setString(1, cluster);
      s.executeUpdate();
    }
    return true;
  }

  long currentRv(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT resource_version FROM kube_clusters WHERE cluster_key = ?")) {
      s.setString(1, cluster);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }

  long nextRv(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE kube_clusters SET resource_version = resource_version + 1"
                + " WHERE cluster_key = ?")) {
      s.setString(1, cluster);
      s.executeUpdate();
    }
    return currentRv(c);
  }

  Optional<Row> find(Connection c, String resource, String namespace, String name)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT uid, resource_version, body FROM kube_objects"
                + " WHERE cluster_key = ? AND resource = ? AND namespace = ? AND name = ?")) {
      s.setString(1, cluster);
      s.setString(2, resource);
      s.setString(3, namespace);
      s.setString(4, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(
                new Row(resource, namespace, name, r.getString(1), r.getLong(2), r.getString(3)))
            : Optional.empty();
      }
    }
  }

  Optional<Ref> byUid(Connection c, String uid) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT resource, namespace, name FROM kube_objects WHERE cluster_key = ? AND uid = ?")) {
      s.setString(1, cluster);
      s.setString(2, uid);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new Ref(r.getString(1), r.getString(2), r.getString(3)))
            : Optional.empty();
      }
    }
  }

  /**
   * Up to {@code max} rows of a resource after ({@code afterNamespace}, {@code afterName}) in key
   * order; {@code namespace} and {@code nodeName} narrow when not null.
   */
  List<Row> page(
      Connection c,
      String resource,
      String namespace,
      String nodeName,
      String afterNamespace,
      String afterName,
      int max)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT namespace, name, uid, resource_version, body FROM kube_objects"
                + " WHERE cluster_key = ? AND resource = ?");
    List<String> args = new ArrayList<>(List.of(cluster, resource));
    if (namespace != null) {
      sql.append(" AND namespace = ?");
      args.add(namespace);
    }
    if (nodeName != null) {
      sql.append(" AND node_name = ?");
      args.add(nodeName);
    }
    if (afterNamespace != null) {
      sql.append(" AND (namespace > ? OR (namespace = ? AND name > ?))");
      args.addAll(List.of(afterNamespace, afterNamespace, afterName));
    }
    sql.append(" ORDER BY namespace, name LIMIT ").append(max);
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        s.setString(i + 1, args.get(i));
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Row(
                  resource,
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getLong(4),
                  r.getString(5)));
        }
      }
      return rows;
    }
  }

  /** The namespaced objects of every resource in a namespace. */
  List<Ref> inNamespace(Connection c, String namespace) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT resource, name FROM kube_objects WHERE cluster_key = ? AND namespace = ?"
                + " ORDER BY resource, name")) {
      s.setString(1, cluster);
      s.setString(2, namespace);
      List<Ref> refs = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          refs.add(new Ref(r.getString(1), namespace, r.getString(2)));
        }
      }
      return refs;
    }
  }

  void insert(Connection c, Row row, String nodeName, List<String> ownerUids) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO kube_objects (cluster_key, resource, namespace, name, uid,"
                + " resource_version, node_name, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, cluster);
      s.setString(2, row.resource());
      s.setString(3, row.namespace());
      s.setString(4, row.name());
      s.setString(5, row.uid());
      s.setLong(6, row.rv());
      s.setString(7, nodeName);
      s.setString(8, row.body());
      s.executeUpdate();
    }
    writeOwners(c, row, ownerUids);
  }

  void update(Connection c, Row row, String nodeName, List<String> ownerUids) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE kube_objects SET resource_version = ?, node_name = ?, body = ?"
                + " WHERE cluster_key = ? AND resource = ? AND namespace = ? AND name = ?")) {
      s.setLong(1, row.rv());
      s.setString(2, nodeName);
      s.setString(3, row.body());
      s.setString(4, cluster);
      s.setString(5, row.resource());
      s.setString(6, row.namespace());
      s.setString(7, row.name());
      s.executeUpdate();
    }
    deleteOwners(c, row.resource(), row.namespace(), row.name());
    writeOwners(c, row, ownerUids);
  }

  void delete(Connection c, String resource, String namespace, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM kube_objects"
                + " WHERE cluster_key = ? AND resource = ? AND namespace = ? AND name = ?")) {
      s.setString(1, cluster);
      s.setString(2, resource);
      s.setString(3, namespace);
      s.setString(4, name);
      s.executeUpdate();
    }
    deleteOwners(c, resource, namespace, name);
  }

  List<Ref> dependents(Connection c, String ownerUid) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT resource, namespace, name FROM kube_owner_refs"
                + " WHERE cluster_key = ? AND owner_uid = ? ORDER BY resource, namespace, name")) {
      s.setString(1, cluster);
      s.setString(2, ownerUid);
      List<Ref> refs = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          refs.add(new Ref(r.getString(1), r.getString(2), r.getString(3)));
        }
      }
      return refs;
    }
  }

  /** Removes every row of the cluster, including its counter. */
  void deleteCluster(Connection c) throws SQLException {
    for (String table :
        List.of("kube_objects", "kube_owner_refs", "kube_pod_logs", "kube_clusters")) {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM " + table + " WHERE cluster_key = ?")) {
        s.setString(1, cluster);
        s.executeUpdate();
      }
    }
  }

  private void writeOwners(Connection c, Row row, List<String> ownerUids) throws SQLException {
    for (String uid : new java.util.LinkedHashSet<>(ownerUids)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO kube_owner_refs (cluster_key, owner_uid, resource, namespace, name)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, cluster);
        s.setString(2, uid);
        s.setString(3, row.resource());
        s.setString(4, row.namespace());
        s.setString(5, row.name());
        s.executeUpdate();
      }
    }
  }

  private void deleteOwners(Connection c, String resource, String namespace, String name)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM kube_owner_refs"
                + " WHERE cluster_key = ? AND resource = ? AND namespace = ? AND name = ?")) {
      s.setString(1, cluster);
      s.setString(2, resource);
      s.setString(3, namespace);
      s.setString(4, name);
      s.executeUpdate();
    }
  }
}
