package dev.moat.kube.api;

import dev.moat.kube.store.Kind;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Parses the path below a cluster's prefix and dispatches. */
final class Routes {
  private final Resources resources;

  Routes(Clock clock) {
    this.resources = new Resources(clock);
  }

  /**
   * A resource path: {@code kind}, namespace (null for all or cluster-scoped), name and subresource
   * (null when absent).
   */
  record Target(Kind<?> kind, String namespace, String name, String subresource) {}

  Answer route(ApiRequest r) throws java.io.IOException {
    String path = r.path();
    switch (path) {
      case "/version" -> {
        return Discovery.version(r.gitVersion());
      }
      case "/api" -> {
        return Discovery.coreVersions();
      }
      case "/apis" -> {
        return Discovery.groups();
      }
      case "/openapi/v3" -> {
        return OpenApi.index();
      }
      default -> {}
    }
    if (path.startsWith("/openapi/v3/")) {
      return OpenApi.groupVersion(path.substring("/openapi/v3/".length()));
    }
    if (path.equals("/openapi/v2")) {
      throw KubeException.of(404, "NotFound", "the server could not find the requested resource");
    }
    List<String> parts = Arrays.asList(path.substring(1).split("/"));
    String group;
    String version;
    List<String> rest;
    if (parts.get(0).equals("api") && parts.size() >= 2) {
      group = "";
      version = parts.get(1);
      rest = parts.subList(2, parts.size());
    } else if (parts.get(0).equals("apis") && parts.size() >= 3) {
      group = parts.get(1);
      version = parts.get(2);
      rest = parts.subList(3, parts.size());
    } else if (parts.get(0).equals("apis") && parts.size() == 2) {
      return Discovery.group(parts.get(1)).orElseThrow(Routes::notFound);
    } else {
      throw notFound();
    }
    if (rest.isEmpty()) {
      return Discovery.resources(group, version).orElseThrow(Routes::notFound);
    }
    return resources.handle(r, target(group, version, rest));
  }

  private static Target target(String group, String version, List<String> rest) {
    String namespace = null;
    List<String> tail = rest;
    if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
      // /namespaces/{ns}/{plural}...; but /api/v1/namespaces/{name}/status is the namespace's own.
      if (group.isEmpty()
          && (rest.get(2).equals("status") || rest.get(2).equals("finalize"))
          && rest.size() == 3) {
        return new Target(Kinds.NAMESPACES, null, rest.get(1), rest.get(2));
      }
      namespace = rest.get(1);
      tail = rest.subList(2, rest.size());
    }
    String plural = tail.get(0);
    Optional<Kind<?>> kind = Kinds.byResource(group, plural);
    if (kind.isEmpty() || !kind.get().version().equals(version) || tail.size() > 3) {
      throw notFound();
    }
    if (!kind.get().namespaced() && namespace != null) {
      throw notFound();
    }
    return new Target(
        kind.get(),
        namespace,
        tail.size() > 1 ? tail.get(1) : null,
        tail.size() > 2 ? tail.get(2) : null);
  }

  static KubeException notFound() {
    return KubeException.of(404, "NotFound", "the server could not find the requested resource");
  }
}
