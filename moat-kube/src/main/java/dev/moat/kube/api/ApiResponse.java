package dev.moat.kube.api;

import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeJson;
import java.nio.charset.StandardCharsets;

/** A complete (non-streamed) answer. */
record ApiResponse(int status, String contentType, byte[] body) implements Answer {
  static final String JSON = "application/json";

  static ApiResponse json(int status, Object body) {
    String text = body instanceof String s ? s : KubeJson.write(body);
    return new ApiResponse(status, JSON, text.getBytes(StandardCharsets.UTF_8));
  }

  static ApiResponse ok(Object body) {
    return json(200, body);
  }

  static ApiResponse error(KubeException e) {
    return json(e.code(), e.status());
  }

  static ApiResponse text(int status, String text) {
    return new ApiResponse(status, "text/plain", text.getBytes(StandardCharsets.UTF_8));
  }
}
