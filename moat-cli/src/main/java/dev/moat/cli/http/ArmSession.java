package dev.moat.cli.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends {@link ArmRequest}s to one Moat endpoint with a bearer token, the way az's pipeline does:
 * JSON bodies, a client request id, one retry with a fresh token after a 401, and request/response
 * lines under {@code --debug}.
 */
public final class ArmSession {
  private final String endpoint;
  private final Transport transport;
  private final TokenSource tokens;
  private final Log log;
  private final Pacer pacer;

  public ArmSession(
      String endpoint, Transport transport, TokenSource tokens, Log log, Pacer pacer) {
    this.endpoint = endpoint;
    this.transport = transport;
    this.tokens = tokens;
    this.log = log;
    this.pacer = pacer;
  }

  public String endpoint() {
    return endpoint;
  }

  public Log log() {
    return log;
  }

  public Pacer pacer() {
    return pacer;
  }

  /** Sends the request; any status comes back (callers decide what is an error). */
  public ArmReply send(ArmRequest request) {
    ArmReply reply = sendOnce(request, false);
    if (reply.status() == 401) {
      reply = sendOnce(request, true);
    }
    return reply;
  }

  private ArmReply sendOnce(ArmRequest request, boolean refreshToken) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("x-ms-client-request-id", UUID.randomUUID().toString());
    headers.put("User-Agent", "moat-cli AZURECLI/2.71.0");
    headers.put("Authorization", "Bearer " + tokens.token(refreshToken));
    byte[] body = null;
    if (request.body() != null) {
      headers.put("Content-Type", "application/json");
      body = Json.write(request.body()).getBytes(StandardCharsets.UTF_8);
    }
    headers.putAll(request.headers());
    String url = request.url(endpoint);
    WireRequest wire = new WireRequest(request.method(), URI.create(url), headers, body);
    log.debug("cli.azure.cli.core.sdk.policies: Request URL: '" + url + "'");
    log.debug("cli.azure.cli.core.sdk.policies: Request method: '" + request.method() + "'");
    if (body != null) {
      log.debug("cli.azure.cli.core.sdk.policies: Request body:");
      log.debug(wire.bodyText());
    }
    WireResponse response = exchange(transport, wire, endpoint);
    log.debug("cli.azure.cli.core.sdk.policies: Response status: " + response.status());
    if (log.isDebug()) {
      response
          .headers()
          .forEach(
              (k, v) ->
                  log.debug(
                      "cli.azure.cli.core.sdk.policies:     '"
                          + k
                          + "': '"
                          + String.join(", ", v)
                          + "'"));
      log.debug("cli.azure.cli.core.sdk.policies: Response content:");
      log.debug(response.text());
    }
    return new ArmReply(response, Json.parse(response.text()));
  }

  /** One exchange; an unreachable server becomes the "no Moat server" error. */
  static WireResponse exchange(Transport transport, WireRequest wire, String endpoint) {
    try {
      return transport.exchange(wire);
    } catch (IOException e) {
      throw new NoServerException(endpoint);
    }
  }
}
