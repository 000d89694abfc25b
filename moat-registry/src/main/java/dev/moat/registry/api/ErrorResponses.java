package dev.moat.registry.api;

import dev.moat.platform.json.Json;
import dev.moat.registry.ErrorCode;
import dev.moat.registry.RegistryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place registry errors become HTTP: {@code {"errors":[{"code","message","detail"}]}}.
 * Unexpected exceptions become a 500 with no message or stack trace (logged here instead).
 */
final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  static void write(Request request, Response response, Callback callback, Throwable failure) {
    if (response.isCommitted()) {
      // Mid-body: the only honest signal left is to abort, so the client sees a short response.
      callback.failed(failure);
      return;
    }
    RegistryException e;
    if (failure instanceof RegistryException r) {
      e = r;
    } else {
      LOG.error(
          "unexpected registry failure on {} {}",
          request.getMethod(),
          request.getHttpURI(),
          failure);
      e = new RegistryException(ErrorCode.UNKNOWN, 500, ErrorCode.UNKNOWN.message(), null);
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code().name());
    error.put("message", e.getMessage());
    if (e.detail() != null) {
      error.put("detail", e.detail());
    }
    byte[] body = Json.write(Map.of("errors", List.of(error))).getBytes(StandardCharsets.UTF_8);
    response.setStatus(e.status());
    response.getHeaders().put("Content-Type", "application/json");
    response.getHeaders().put("Content-Length", body.length);
    boolean head = "HEAD".equals(request.getMethod());
    response.write(true, head ? null : ByteBuffer.wrap(body), callback);
  }
}
