package dev.moat.cli.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP response: status, headers (names as received) and the raw body. */
public record WireResponse(int status, Map<String, List<String>> headers, byte[] body) {
  public WireResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** The first value of a header, matched case-insensitively as HTTP requires. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
