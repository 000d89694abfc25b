package dev.moat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.cli.http.Pacer;
import dev.moat.cli.http.Transport;
import dev.moat.cli.http.WireRequest;
import dev.moat.cli.http.WireResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stand-in ARM for providers the in-process server does not serve yet: answers the token endpoint
 * and {@code /subscriptions}, echoes PUT bodies back (adding id/name), answers scripted GETs, and
 * records every request so tests can check path, api-version and body. When a provider lands, the
 * same tests can run against {@link MoatCliFixture} instead.
 */
final class FakeArm implements Transport {
  static final String SUB = "6d6f6174-0000-4000-8000-000000000002";
  static final String ENDPOINT = "https://fake.moat.test:1";
  private static final ObjectMapper JSON = new ObjectMapper();

  final List<WireRequest> requests = new ArrayList<>();
  private final Map<String, Function<WireRequest, WireResponse>> scripted = new HashMap<>();
  final List<Duration> pauses = new ArrayList<>();
  private final Path home;

  FakeArm() {
    try {
      home = Files.createTempDirectory("fake-arm-home");
      Files.writeString(home.resolve("ca.pem"), "unused");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code METHOD path} (path without query) with {@code response}. */
  void on(String method, String path, Function<WireRequest, WireResponse> response) {
    scripted.put(method + " " + path.toLowerCase(java.util.Locale.ROOT), response);
  }

  static WireResponse json(int status, String body, Map<String, List<String>> headers) {
    return new WireResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public WireResponse exchange(WireRequest r) {
    String path = r.uri().getRawPath();
    if (path.equals("/adfs/oauth2/token")) {
      return json(200, "{\"access_token\":\"t\",\"expires_in\":3600}", Map.of());
    }
    if (path.equals("/subscriptions")) {
      return json(
          200,
          "{\"value\":[{\"subscriptionId\":\""
              + SUB
              + "\",\"displayName\":\"Moat"
              + " Subscription\",\"tenantId\":\"tenant\",\"state\":\"Enabled\"}]}",
          Map.of());
    }
    requests.add(r);
    Function<WireRequest, WireResponse> s =
        scripted.get(r.method() + " " + path.toLowerCase(java.util.Locale.ROOT));
    if (s != null) {
      return s.apply(r);
    }
    if (fallback != null) {
      WireResponse answered = fallback.apply(r);
      if (answered != null) {
        return answered;
      }
    }
    if (r.method().equals("PUT") || r.method().equals("PATCH")) {
      try {
        com.fasterxml.jackson.databind.node.ObjectNode echo =
            (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(r.bodyText());
        echo.put("id", path);
        echo.put("name", path.substring(path.lastIndexOf('/') + 1));
        return json(201, JSON.writeValueAsString(echo), Map.of());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (r.method().equals("DELETE")) {
      return json(200, "", Map.of());
    }
    if (path.endsWith("/resourceGroups/rg")) {
      return json(200, "{\"location\":\"eastus\"}", Map.of());
    }
    return json(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"not scripted\"}}", Map.of());
  }

  /** Answers requests no script matches (null: not handled), e.g. a fake Kubernetes API. */
  Function<WireRequest, WireResponse> fallback;

  /** The terminal prompts see; none by default. */
  Terminal terminal = Terminal.none();

  /** Extra environment for runs ({@code HOME} for commands that use the user's files). */
  final Map<String, String> extraEnv = new HashMap<>();

  Path home() {
    return home;
  }

  CliRun run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("MOAT_HOME", home.toString());
    env.put("MOAT_ENDPOINT", ENDPOINT);
    CliContext context =
        new CliContext(env, o, e, loc -> this, log -> pacer(), Clock.systemUTC(), terminal);
    int code = MoatCli.run(args, context);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Pacer pacer() {
    return new Pacer() {
      @Override
      public void pause(Duration delay) {
        pauses.add(delay);
      }

      @Override
      public void tick() {}

      @Override
      public void done() {}
    };
  }

  /** The one request with this method whose path ends with {@code suffix}. */
  WireRequest only(String method, String suffix) {
    List<WireRequest> found =
        requests.stream()
            .filter(r -> r.method().equals(method) && r.uri().getRawPath().endsWith(suffix))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + method + " *" + suffix + " in " + describe());
    }
    return found.get(0);
  }

  String describe() {
    return requests.stream().map(r -> r.method() + " " + r.uri()).toList().toString();
  }

  static JsonNode body(WireRequest r) {
    try {
      return JSON.readTree(r.bodyText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
