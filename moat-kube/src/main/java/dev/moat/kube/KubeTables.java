package dev.moat.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side tables ({@code meta.k8s.io/v1 Table}), which kubectl asks for to print {@code get}
 * output with the same columns a real API server gives (NAME, STATUS, ROLES, AGE, VERSION for
 * nodes).
 */
final class KubeTables {
  private KubeTables() {}

  /** True when kubectl asked for a table. */
  static boolean wanted(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  static Map<String, Object> nodes(List<KubeCluster.Node> nodes, Instant now) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KubeCluster.Node n : nodes) {
      rows.add(
          row(
              n.name(),
              n.created(),
              List.of(
                  n.name(),
                  n.ready() ? "Ready" : "NotReady",
                  "<none>",
                  age(n.created(), now),
                  n.kubeletVersion())));
    }
    return table(List.of("Name", "Status", "Roles", "Age", "Version"), rows);
  }

  static Map<String, Object> pods(List<KubeCluster.Pod> pods, Instant now) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KubeCluster.Pod p : pods) {
      int n = p.containers().size();
      rows.add(
          row(
              p.name(),
              p.created(),
              List.of(
                  p.name(),
                  (p.running() ? n : 0) + "/" + n,
                  p.running() ? "Running" : "ImagePullBackOff",
                  0,
                  age(p.created(), now))));
    }
    return table(List.of("Name", "Ready", "Status", "Restarts", "Age"), rows);
  }

  private static Map<String, Object> table(List<String> columns, List<Map<String, Object>> rows) {
    List<Map<String, Object>> defs = new ArrayList<>();
    for (String c : columns) {
      defs.add(
          Map.of(
              "name",
              c,
              "type",
              c.equals("Restarts") ? "integer" : "string",
              "format",
              c.equals("Name") ? "name" : "",
              "description",
              "",
              "priority",
              0));
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("kind", "Table");
    t.put("apiVersion", "meta.k8s.io/v1");
    t.put("metadata", Map.of("resourceVersion", "1"));
    t.put("columnDefinitions", defs);
    t.put("rows", rows);
    return t;
  }

  private static Map<String, Object> row(String name, Instant created, List<Object> cells) {
    return Map.of(
        "cells",
        cells,
        "object",
        Map.of(
            "kind", "PartialObjectMetadata",
            "apiVersion", "meta.k8s.io/v1",
            "metadata", Map.of("name", name, "creationTimestamp", created.toString())));
  }

  /** kubectl's short age: 42s, 5m, 3h, 2d, 4y. */
  static String age(Instant created, Instant now) {
    Duration d = Duration.between(created, now);
    if (d.toSeconds() < 120) {
      return Math.max(0, d.toSeconds()) + "s";
    }
    if (d.toMinutes() < 120) {
      return d.toMinutes() + "m";
    }
    if (d.toHours() < 48) {
      return d.toHours() + "h";
    }
    return d.toDays() < 730 ? d.toDays() + "d" : (d.toDays() / 365) + "y";
  }
}
