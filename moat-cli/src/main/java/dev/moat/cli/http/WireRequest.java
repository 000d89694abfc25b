package dev.moat.cli.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP request as a {@link Transport} sends it. {@code body} is null for no body. */
public record WireRequest(String method, URI uri, Map<String, String> headers, byte[] body) {
  public WireRequest {
    headers = Map.copyOf(headers);
  }

  public String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
