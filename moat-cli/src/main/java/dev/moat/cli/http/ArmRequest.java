package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ARM request before it is sent: method, a path relative to the endpoint (or an absolute URL,
 * for polling and {@code az rest}), the api-version appended as {@code ?api-version=}, an optional
 * JSON body and extra headers. A value, so tests can check what a command asks for.
 */
public record ArmRequest(
    String method, String path, String apiVersion, JsonNode body, Map<String, String> headers) {
  public ArmRequest {
    headers = Map.copyOf(headers);
  }

  public static ArmRequest of(String method, String path, String apiVersion, JsonNode body) {
    return new ArmRequest(method, path, apiVersion, body, Map.of());
  }

  public ArmRequest withHeaders(Map<String, String> extra) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(extra);
    return new ArmRequest(method, path, apiVersion, body, h);
  }

  /** The full URL against {@code endpoint} (no trailing slash). */
  public String url(String endpoint) {
    String base =
        path.startsWith("http://") || path.startsWith("https://") ? path : endpoint + path;
    if (apiVersion == null) {
      return base;
    }
    return base
        + (base.contains("?") ? "&" : "?")
        + "api-version="
        + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
  }
}
