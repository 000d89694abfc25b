package dev.moat.kube;

import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.arm.http.HttpService;
import dev.moat.platform.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only Kubernetes API for each managed cluster, under {@code /moat/kube/{key}} on Moat's
 * listener (kubectl accepts a path in the server URL): discovery, nodes, namespaces and pods,
 * enough for {@code kubectl get nodes} and {@code kubectl get pods -A -o jsonpath=...}. Objects
 * carry what the cluster's node agents achieved: a node that failed to bootstrap is NotReady with
 * its cause. Writes answer 405, as the cluster is not a real control plane.
 */
public final class KubeApiService implements HttpService {
  public static final String PREFIX = "/moat/kube/";

  private static final Pattern PATH = Pattern.compile("/moat/kube/([^/]+)(/.*)?");

  private final KubeClusters clusters;
  private final Clock clock;

  public KubeApiService(KubeClusters clusters, Clock clock) {
    this.clusters = clusters;
    this.clock = clock;
  }

  public static boolean handles(String path) {
    return path.startsWith(PREFIX);
  }

  @Override
  public HttpResult handle(HttpCall call) {
    Matcher m = PATH.matcher(call.path());
    if (!m.matches()) {
      return status(404, "NotFound", "the server could not find the requested resource");
    }
    String token =
        call.header("authorization")
            .filter(h -> h.startsWith("Bearer "))
            .map(h -> h.substring(7))
            .orElse("");
    Optional<KubeCluster> cluster = clusters.find(m.group(1), token);
    if (cluster.isEmpty()) {
      return status(401, "Unauthorized", "Unauthorized");
    }
    if (!call.method().equals("GET")) {
      return status(
          405,
          "MethodNotAllowed",
          "the server does not allow this method on the requested resource");
    }
    String rest = m.group(2) == null ? "/" : m.group(2);
    String path =
        rest.endsWith("/") && rest.length() > 1 ? rest.substring(0, rest.length() - 1) : rest;
    if (KubeTables.wanted(call.header("accept").orElse(null))) {
      Optional<HttpResult> table = table(cluster.get(), path);
      if (table.isPresent()) {
        return table.get();
      }
    }
    return route(cluster.get(), path);
  }

  private Optional<HttpResult> table(KubeCluster c, String path) {
    Instant now = clock.instant();
    if (path.equals("/api/v1/nodes")) {
      return Optional.of(json(KubeTables.nodes(c.nodes(), now)));
    }
    Matcher pods = Pattern.compile("/api/v1(?:/namespaces/([^/]+))?/pods").matcher(path);
    if (pods.matches()) {
      List<KubeCluster.Pod> selected =
          c.pods().stream()
              .filter(p -> pods.group(1) == null || p.namespace().equals(pods.group(1)))
              .toList();
      return Optional.of(json(KubeTables.pods(selected, now)));
    }
    return Optional.empty();
  }

  private HttpResult route(KubeCluster c, String path) {
    return switch (path) {
      case "/version" ->
          json(
              Map.of(
                  "major",
                  major(c),
                  "minor",
                  minor(c),
                  "gitVersion",
                  c.gitVersion(),
                  "platform",
                  "linux/amd64"));
      case "/api" ->
          json(
              Map.of(
                  "kind",
                  "APIVersions",
                  "versions",
                  List.of("v1"),
                  "serverAddressByClientCIDRs",
                  List.of()));
      case "/apis" -> json(Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", List.of()));
      case "/api/v1" -> json(KubeObjects.resourceList());
      case "/api/v1/nodes" ->
          json(KubeObjects.list("NodeList", c.nodes().stream().map(KubeObjects::node).toList()));
      case "/api/v1/namespaces" -> json(KubeObjects.list("NamespaceList", namespaces(c)));
      case "/api/v1/pods" ->
          json(KubeObjects.list("PodList", c.pods().stream().map(KubeObjects::pod).toList()));
      default -> item(c, path);
    };
  }

  private HttpResult item(KubeCluster c, String path) {
    Matcher node = Pattern.compile("/api/v1/nodes/([^/]+)").matcher(path);
    if (node.matches()) {
      return c.nodes().stream()
          .filter(n -> n.name().equals(node.group(1)))
          .findFirst()
          .map(n -> json(KubeObjects.node(n)))
          .orElse(status(404, "NotFound", "nodes \"" + node.group(1) + "\" not found"));
    }
    Matcher pods = Pattern.compile("/api/v1/namespaces/([^/]+)/pods(?:/([^/]+))?").matcher(path);
    if (pods.matches()) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (KubeCluster.Pod p : c.pods()) {
        if (p.namespace().equals(pods.group(1))
            && (pods.group(2) == null || p.name().equals(pods.group(2)))) {
          items.add(KubeObjects.pod(p));
        }
      }
      if (pods.group(2) != null) {
        return items.isEmpty()
            ? status(404, "NotFound", "pods \"" + pods.group(2) + "\" not found")
            : json(items.get(0));
      }
      return json(KubeObjects.list("PodList", items));
    }
    return status(404, "NotFound", "the server could not find the requested resource");
  }

  private static List<Map<String, Object>> namespaces(KubeCluster c) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("apiVersion", "v1");
      o.put("kind", "Namespace");
      o.put("metadata", Map.of("name", ns, "creationTimestamp", Instant.EPOCH.toString()));
      o.put("status", Map.of("phase", "Active"));
      out.add(o);
    }
    return out;
  }

  private static String major(KubeCluster c) {
    return c.gitVersion().substring(1).split("\\.")[0];
  }

  private static String minor(KubeCluster c) {
    return c.gitVersion().substring(1).split("\\.")[1];
  }

  private static HttpResult json(Object body) {
    return HttpResult.json(200, Json.write(body));
  }

  /** A Kubernetes {@code Status} failure. */
  private static HttpResult status(int code, String reason, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "Status");
    body.put("apiVersion", "v1");
    body.put("metadata", Map.of());
    body.put("status", "Failure");
    body.put("message", message);
    body.put("reason", reason);
    body.put("code", code);
    return HttpResult.json(code, Json.write(body));
  }
}
