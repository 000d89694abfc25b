package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.ArmReply;
import dev.moat.cli.http.ArmRequest;
import dev.moat.cli.http.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code az rest}: one request to a relative or absolute URL with the CLI's token; no LRO polling.
 * {@code {subscriptionId}} in the URL is replaced, as az does.
 */
@Command(name = "rest", description = "Invoke a custom request.")
public final class RestCommand implements Callable<Integer> {
  private static final Choices METHODS =
      Choices.of("--method", "delete", "get", "head", "options", "patch", "post", "put");

  private final CliContext context;

  @Option(
      names = {"--method", "-m"},
      description =
          "HTTP request method.  Allowed values:"
              + " delete, get, head, options, patch, post, put.  Default: get.")
  String method = "get";

  @Option(
      names = {"--url", "--uri", "-u"},
      required = true,
      description =
          "Request URL. If it" + " doesn't start with a host, the Moat endpoint is prefixed.")
  String url;

  @Option(
      names = {"--body", "-b"},
      description = "Request body. Use @{file} to load from a" + " file.")
  String body;

  @Option(
      names = "--headers",
      arity = "1..*",
      description = "Space-separated headers in" + " KEY=VALUE format or JSON string.")
  List<String> headers;

  @Option(
      names = {"--uri-parameters", "--url-parameters"},
      arity = "1..*",
      description =
          "Query parameters in the URL. Space-separated queries in KEY=VALUE format or JSON string.")
  List<String> uriParameters;

  // Accepted for compatibility: every token the CLI has is for Moat's one audience.
  @Option(
      names = "--resource",
      description =
          "Resource url for which the CLI should acquire a"
              + " token (Moat has one audience; accepted and ignored).")
  String resource;

  @Option(names = "--output-file", description = "Save response payload to a file.")
  Path outputFile;

  public RestCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String m = METHODS.parse("az rest", method).toUpperCase(java.util.Locale.ROOT);
    String target = url;
    if (target.contains("{subscriptionId}")) {
      target = target.replace("{subscriptionId}", context.subscriptionId());
    }
    target += query(pairs("--uri-parameters", uriParameters), target.contains("?"));
    JsonNode payload = null;
    if (body != null) {
      String text = body.startsWith("@") ? Files.readString(Path.of(body.substring(1))) : body;
      payload = Json.parseArgument("--body", text);
    }
    ArmRequest request = new ArmRequest(m, target, null, payload, pairs("--headers", headers));
    ArmReply reply = context.session().send(request);
    if (!reply.isSuccess()) {
      throw CliException.command(Reasons.phrase(reply.status()) + "(" + reply.wire().text() + ")");
    }
    if (outputFile != null) {
      Files.write(outputFile, reply.wire().body());
      return 0;
    }
    if (!reply.body().isMissingNode()) {
      context.print(reply.body());
    }
    return 0;
  }

  private static Map<String, String> pairs(String param, List<String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    if (values == null) {
      return out;
    }
    for (String v : values) {
      if (v.trim().startsWith("{")) {
        Json.parseArgument(param, v)
            .fields()
            .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        continue;
      }
      int eq = v.indexOf('=');
      if (eq < 0) {
        throw CliException.usage("usage error: " + param + " KEY=VALUE [KEY=VALUE ...]");
      }
      out.put(v.substring(0, eq), v.substring(eq + 1));
    }
    return out;
  }

  private static String query(Map<String, String> params, boolean hasQuery) {
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      q.append(q.length() == 0 && !hasQuery ? '?' : '&')
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  /** The reason phrases az (requests) puts before the body of a failed response. */
  static final class Reasons {
    private Reasons() {}

    static String phrase(int status) {
      return switch (status) {
        case 400 -> "Bad Request";
        case 401 -> "Unauthorized";
        case 403 -> "Forbidden";
        case 404 -> "Not Found";
        case 405 -> "Method Not Allowed";
        case 409 -> "Conflict";
        case 412 -> "Precondition Failed";
        case 429 -> "Too Many Requests";
        case 500 -> "Internal Server Error";
        case 501 -> "Not Implemented";
        case 503 -> "Service Unavailable";
        default -> "HTTP " + status;
      };
    }
  }
}
