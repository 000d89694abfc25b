package dev.moat.kube.api;

import dev.moat.kube.store.Kind;
import dev.moat.kube.store.Kinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Legacy (per group-version) discovery, derived from {@link Kinds}: kubectl learns resources,
 * verbs, short names, categories and subresources here. Answered as plain {@code application/json}
 * so client-go picks legacy discovery rather than aggregated.
 */
final class Discovery {
  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** Subresources served per resource: name → verbs. */
  private static final Map<String, Map<String, List<String>>> SUBRESOURCES =
      Map.of(
          "pods",
          Map.of(
              "log", List.of("get"),
              "status", List.of("get", "patch", "update"),
              "binding", List.of("create"),
              "exec", List.of("create", "get"),
              "attach", List.of("create", "get"),
              "portforward", List.of("create", "get")),
          "deployments",
          scaleAndStatus(),
          "replicasets",
          scaleAndStatus(),
          "statefulsets",
          scaleAndStatus(),
          "daemonsets",
          Map.of("status", List.of("get", "patch", "update")),
          "jobs",
          Map.of("status", List.of("get", "patch", "update")),
          "services",
          Map.of("status", List.of("get", "patch", "update")),
          "nodes",
          Map.of("status", List.of("get", "patch", "update")),
          "namespaces",
          Map.of("status", List.of("get", "patch", "update"), "finalize", List.of("update")));

  private Discovery() {}

  private static Map<String, List<String>> scaleAndStatus() {
    return Map.of(
        "scale", List.of("get", "patch", "update"), "status", List.of("get", "patch", "update"));
  }

  static ApiResponse version(String gitVersion) {
    String[] parts = gitVersion.replaceFirst("^v", "").split("\\.");
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("major", parts[0]);
    v.put("minor", parts.length > 1 ? parts[1] : "0");
    v.put("gitVersion", gitVersion);
    v.put("gitCommit", "moat");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z");
    v.put("goVersion", "go1.23.0");
    v.put("compiler", "gc");
    v.put("platform", "linux/amd64");
    return ApiResponse.ok(v);
  }

  static ApiResponse coreVersions() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("kind", "APIVersions");
    v.put("versions", List.of("v1"));
    v.put(
        "serverAddressByClientCIDRs",
        List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", "127.0.0.1:443")));
    return ApiResponse.ok(v);
  }

  private static Set<String> groupNames() {
    Set<String> groups = new LinkedHashSet<>();
    for (Kind<?> k : Kinds.all()) {
      if (!k.group().isEmpty()) {
        groups.add(k.group() + "/" + k.version());
      }
    }
    return groups;
  }

  private static Map<String, Object> group(String name, String version) {
    Map<String, Object> gv = Map.of("groupVersion", name + "/" + version, "version", version);
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("name", name);
    g.put("versions", List.of(gv));
    g.put("preferredVersion", gv);
    return g;
  }

  static ApiResponse groups() {
    List<Object> groups = new ArrayList<>();
    for (String gv : groupNames()) {
      String[] p = gv.split("/");
      groups.add(group(p[0], p[1]));
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    list.put("groups", groups);
    return ApiResponse.ok(list);
  }

  static Optional<Answer> group(String name) {
    for (String gv : groupNames()) {
      String[] p = gv.split("/");
      if (p[0].equals(name)) {
        Map<String, Object> g = group(p[0], p[1]);
        g.put("kind", "APIGroup");
        g.put("apiVersion", "v1");
        return Optional.of(ApiResponse.ok(g));
      }
    }
    return Optional.empty();
  }

  static Optional<Answer> resources(String group, String version) {
    List<Object> resources = new ArrayList<>();
    for (Kind<?> k : Kinds.all()) {
      if (!k.group().equals(group) || !k.version().equals(version)) {
        continue;
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", k.plural());
      r.put("singularName", k.singular());
      r.put("namespaced", k.namespaced());
      r.put("kind", k.kind());
      r.put(
          "verbs",
          k == Kinds.NAMESPACES
              ? VERBS.stream().filter(v -> !v.equals("deletecollection")).toList()
              : VERBS);
      if (!k.shortNames().isEmpty()) {
        r.put("shortNames", k.shortNames());
      }
      if (!k.categories().isEmpty()) {
        r.put("categories", k.categories());
      }
      resources.add(r);
      Map<String, List<String>> subs = SUBRESOURCES.getOrDefault(k.plural(), Map.of());
      for (String sub : subs.keySet().stream().sorted().toList()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", k.plural() + "/" + sub);
        s.put("singularName", "");
        s.put("namespaced", k.namespaced());
        if (sub.equals("scale")) {
          s.put("group", "autoscaling");
          s.put("version", "v1");
          s.put("kind", "Scale");
        } else if (sub.equals("binding")) {
          s.put("kind", "Binding");
        } else if (sub.equals("log")) {
          s.put("kind", "Pod");
        } else if (List.of("exec", "attach", "portforward").contains(sub)) {
          s.put(
              "kind",
              sub.equals("portforward")
                  ? "PodPortForwardOptions"
                  : "Pod" + Character.toUpperCase(sub.charAt(0)) + sub.substring(1) + "Options");
        } else {
          s.put("kind", k.kind());
        }
        s.put("verbs", subs.get(sub));
        resources.add(s);
      }
    }
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    list.put("resources", resources);
    return Optional.of(ApiResponse.ok(list));
  }
}
