package dev.moat.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliException;
import dev.moat.cli.http.ArmReply;
import dev.moat.cli.http.Json;
import dev.moat.cli.http.NoServerException;
import dev.moat.cli.http.TokenSource;
import dev.moat.cli.http.Transport;
import dev.moat.cli.http.WireRequest;
import dev.moat.cli.http.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Client-credentials tokens from Moat's ADFS-style authority ({@code /adfs/oauth2/token}), cached
 * in {@code $MOAT_HOME/cli/tokens.json} per endpoint and client with their expiry, and fetched
 * again once expired, as MSAL's token cache does for az.
 */
public final class ServicePrincipalTokens implements TokenSource {
  private static final String FILE = "tokens.json";

  private final MoatHome home;
  private final String endpoint;
  private final Transport transport;
  private final Credentials credentials;
  private final Clock clock;
  private AccessToken current;

  public ServicePrincipalTokens(
      MoatHome home, String endpoint, Transport transport, Credentials credentials, Clock clock) {
    this.home = home;
    this.endpoint = endpoint;
    this.transport = transport;
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public String token(boolean refresh) {
    return accessToken(refresh).value();
  }

  /** The cached token if still fresh, else a new one (also saved to the cache). */
  public AccessToken accessToken(boolean refresh) {
    Instant now = clock.instant();
    if (!refresh && current == null) {
      JsonNode cached = home.readJson(FILE).path(key());
      if (cached.hasNonNull("accessToken")) {
        current =
            new AccessToken(
                cached.path("accessToken").asText(),
                Instant.ofEpochSecond(cached.path("expiresOn").asLong()));
      }
    }
    if (refresh || current == null || !current.isFresh(now)) {
      current = fetch(now);
      JsonNode all = home.readJson(FILE);
      ObjectNode out = all.isObject() ? (ObjectNode) all : Json.object();
      ObjectNode entry = out.putObject(key());
      entry.put("accessToken", current.value());
      entry.put("expiresOn", current.expiresOn().getEpochSecond());
      home.writeJson(FILE, out);
    }
    return current;
  }

  private String key() {
    return endpoint + "|" + credentials.clientId();
  }

  private AccessToken fetch(Instant now) {
    String form =
        "grant_type=client_credentials&client_id="
            + enc(credentials.clientId())
            + "&client_secret="
            + enc(credentials.secret())
            + "&resource="
            + enc(endpoint + "/");
    WireRequest request =
        new WireRequest(
            "POST",
            URI.create(endpoint + "/adfs/oauth2/token"),
            Map.of(
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
            form.getBytes(StandardCharsets.UTF_8));
    WireResponse response;
    try {
      response = transport.exchange(request);
    } catch (IOException e) {
      throw new NoServerException(endpoint);
    }
    ArmReply reply = new ArmReply(response, Json.parse(response.text()));
    if (!reply.isSuccess()) {
      // az reports MSAL failures with the authority's error_description.
      throw CliException.command(
          reply
              .body()
              .path("error_description")
              .asText("token request failed: HTTP " + response.status()));
    }
    JsonNode body = reply.body();
    Instant expires =
        body.hasNonNull("expires_on")
            ? Instant.ofEpochSecond(body.path("expires_on").asLong())
            : now.plusSeconds(body.path("expires_in").asLong(3600));
    return new AccessToken(body.path("access_token").asText(), expires);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
