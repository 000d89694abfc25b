package dev.moat.kube.api;

import dev.moat.kube.store.Kind;
import dev.moat.kube.store.Kinds;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately small {@code /openapi/v3}: one PATCH operation per kind carrying {@code
 * x-kubernetes-group-version-kind} and the {@code fieldValidation} query parameter, which is what
 * kubectl's query-param verifier looks for before sending {@code fieldValidation=Strict}. No
 * schemas are served, so {@code kubectl apply} computes strategic-merge patches from its
 * compiled-in types (it declares no {@code strategic-merge-patch} request body here for that
 * reason) and {@code kubectl explain} is not supported.
 */
final class OpenApi {
  private OpenApi() {}

  private static Set<String> groupVersions() {
    Set<String> gvs = new LinkedHashSet<>();
    for (Kind<?> k : Kinds.all()) {
      gvs.add(k.group().isEmpty() ? "api/" + k.version() : "apis/" + k.group() + "/" + k.version());
    }
    return gvs;
  }

  static ApiResponse index() {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (String gv : groupVersions()) {
      paths.put(gv, Map.of("serverRelativeURL", "/openapi/v3/" + gv + "?hash=moat1"));
    }
    return ApiResponse.ok(Map.of("paths", paths));
  }

  static Answer groupVersion(String gv) {
    if (!groupVersions().contains(gv)) {
      throw Routes.notFound();
    }
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Kind<?> k : Kinds.all()) {
      String kgv =
          k.group().isEmpty() ? "api/" + k.version() : "apis/" + k.group() + "/" + k.version();
      if (!kgv.equals(gv)) {
        continue;
      }
      String path =
          "/" + gv + (k.namespaced() ? "/namespaces/{namespace}/" : "/") + k.plural() + "/{name}";
      Map<String, Object> patch = new LinkedHashMap<>();
      patch.put("operationId", "patch" + k.kind());
      patch.put(
          "parameters",
          List.of(
              query("dryRun"), query("fieldManager"), query("fieldValidation"), query("force")));
      patch.put("responses", Map.of("200", Map.of("description", "OK")));
      patch.put("x-kubernetes-action", "patch");
      patch.put(
          "x-kubernetes-group-version-kind",
          Map.of("group", k.group(), "version", k.version(), "kind", k.kind()));
      paths.put(path, Map.of("patch", patch));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.0");
    doc.put("info", Map.of("title", "Kubernetes", "version", "moat"));
    doc.put("paths", paths);
    doc.put("components", Map.of("schemas", Map.of()));
    return ApiResponse.ok(doc);
  }

  private static Map<String, Object> query(String name) {
    return Map.of(
        "name", name, "in", "query", "schema", Map.of("type", "string", "uniqueItems", true));
  }
}
