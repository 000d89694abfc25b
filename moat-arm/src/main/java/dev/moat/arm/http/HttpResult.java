package dev.moat.arm.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP response: status, headers and body bytes. */
public record HttpResult(int status, Map<String, String> headers, byte[] body) {
  public static final String JSON = "application/json; charset=utf-8";

  public HttpResult {
    headers = new LinkedHashMap<>(headers);
  }

  public static HttpResult json(int status, String json) {
    return new HttpResult(
        status, Map.of("Content-Type", JSON), json.getBytes(StandardCharsets.UTF_8));
  }

  public static HttpResult empty(int status) {
    return new HttpResult(status, Map.of(), new byte[0]);
  }

  /** This result with one more header. */
  public HttpResult withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new HttpResult(status, h, body);
  }
}
