package dev.moat.kube.api;

import dev.moat.kube.store.ClusterObjects;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes API request after authentication.
 *
 * @param path the path below the cluster prefix, e.g. {@code /api/v1/namespaces/default/pods}
 * @param query decoded query parameters
 * @param headers headers by lower-cased name
 * @param gitVersion the cluster's Kubernetes version, e.g. {@code v1.30.3}
 * @param now the time of the request (from Moat's clock)
 */
record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    ClusterObjects objects,
    String gitVersion,
    Instant now) {

  Optional<String> param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  boolean flag(String name) {
    return param(name).map(v -> v.equals("true") || v.equals("1")).orElse(false);
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Whether kubectl asked for a server-side Table. */
  boolean wantsTable() {
    return header("accept").map(a -> a.contains("as=Table")).orElse(false);
  }

  String contentType() {
    String ct = header("content-type").orElse("application/json");
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).trim();
  }
}
