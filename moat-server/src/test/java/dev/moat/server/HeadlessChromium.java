package dev.moat.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.platform.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless {@code chromium}, driven over the Chrome DevTools protocol with the JDK's
 * WebSocket client (no driver, no Selenium): navigate, evaluate JavaScript, take screenshots.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** The browser binary, if installed. */
  static Optional<Path> binary() {
    for (String p :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(p))) {
        return Optional.of(Path.of(p));
      }
    }
    return Optional.empty();
  }

  HeadlessChromium(Path binary) throws Exception {
    Path profile = Files.createTempDirectory("moat-chromium");
    process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--ignore-certificate-errors",
                "--no-first-run",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=1440,1000",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String browserWs = null;
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        browserWs = m.group(1);
        break;
      }
    }
    if (browserWs == null) {
      throw new IllegalStateException("chromium did not start its DevTools endpoint");
    }
    Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "chromium-output");
    drain.setDaemon(true);
    drain.start();
    URI ws = URI.create(browserWs);
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets =
        Json.mapper()
            .readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://" + ws.getAuthority() + "/json/list"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
    String page = null;
    for (JsonNode t : targets) {
      if (t.path("type").asText().equals("page")) {
        page = t.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(page), new Listener())
            .get(30, TimeUnit.SECONDS);
  }

  /** Sends one DevTools command and waits for its result. */
  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ObjectNode msg = Json.mapper().createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", Json.mapper().valueToTree(params));
    socket.sendText(Json.mapper().writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = f.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + ": " + reply.path("error"));
    }
    return reply.path("result");
  }

  void navigate(String url) throws Exception {
    call("Page.enable", Map.of());
    call("Page.navigate", Map.of("url", url));
  }

  /** The value of a JavaScript expression (promises awaited). */
  JsonNode eval(String expression) throws Exception {
    return call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true))
        .path("result")
        .path("value");
  }

  void screenshot(Path file) throws Exception {
    String data =
        call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
            .path("data")
            .asText();
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean lastPart) {
      text.append(data);
      if (lastPart) {
        try {
          JsonNode msg = Json.mapper().readTree(text.toString());
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.path("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          }
        } catch (IOException e) {
          // not a message for us
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
