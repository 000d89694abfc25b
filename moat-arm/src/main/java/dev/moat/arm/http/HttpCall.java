package dev.moat.arm.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the front door sees it, independent of the server library.
 *
 * @param path the decoded path, without query
 * @param query decoded query parameters, in order of appearance per name
 * @param headers header values by lower-cased name
 * @param body the request body; empty when there was none or it was too large
 * @param bodyTooLarge true when the body exceeded the server's limit and was not read
 * @param baseUri scheme, host and port the client addressed, e.g. {@code https://127.0.0.1:8443}
 * @param remoteAddress the peer's IP address
 */
public record HttpCall(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    byte[] body,
    boolean bodyTooLarge,
    String baseUri,
    String remoteAddress) {

  public Optional<String> queryParam(String name) {
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
