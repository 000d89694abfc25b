package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import dev.moat.cli.http.WireRequest;
import dev.moat.cli.http.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * {@code az aks check-acr} (azure-cli {@code acs/custom.py aks_check_acr}): runs the {@code
 * aks/canipull} image in a {@code canipull-<uuid>} pod with az's overrides through the cluster's
 * Kubernetes API, using the user kubeconfig of {@code listClusterUserCredential}; waits (watch)
 * until the pod terminates, prints its log, deletes it, and fails with az's {@code Failed to check
 * the ACR: ...} when the program exits non-zero. Where az shells out to {@code kubectl run --rm
 * -it}, Moat speaks the same API directly, so no {@code kubectl} is needed.
 */
final class AksCheckAcr {
  static final String IMAGE = "mcr.microsoft.com/aks/canipull:v0.1.0";
  static final String SUFFIX_WARNING =
      "The login server endpoint suffix '.azurecr.io' is automatically appended.";
  private static final Duration WAIT = Duration.ofMinutes(5);

  private final CliContext context;
  private final String server;
  private final String token;

  AksCheckAcr(CliContext context, JsonNode credentials) {
    this.context = context;
    JsonNode kubeconfigs = credentials.path("kubeconfigs");
    if (!kubeconfigs.isArray() || kubeconfigs.isEmpty()) {
      throw CliException.command("No Kubernetes credentials found.");
    }
    JsonNode config =
        KubeYaml.read(
            new String(
                Base64.getDecoder().decode(kubeconfigs.get(0).path("value").asText()),
                StandardCharsets.UTF_8));
    this.server =
        config
            .path("clusters")
            .path(0)
            .path("cluster")
            .path("server")
            .asText()
            .replaceAll("/+$", "");
    this.token = config.path("users").path(0).path("user").path("token").asText();
  }

  /** Runs the check; returns the program's output. */
  String run(String acr, String nodeName) {
    JsonNode version = json(call("GET", "/version", null));
    if (!version.hasNonNull("gitVersion")) {
      throw CliException.command(
          "Failed to check the ACR: the cluster did not report its version.");
    }
    String name = "canipull-" + UUID.randomUUID();
    String pods = "/api/v1/namespaces/default/pods";
    expect(call("POST", pods, Json.write(pod(name, acr, nodeName))), "create the canipull pod");
    try {
      JsonNode pod = awaitTermination(pods, name);
      String output = call("GET", pods + "/" + name + "/log?container=" + name, null).text();
      int exit =
          pod.path("status")
              .path("containerStatuses")
              .path(0)
              .path("state")
              .path("terminated")
              .path("exitCode")
              .asInt(1);
      if (output.isBlank()) {
        throw CliException.command("Failed to check the ACR.");
      }
      if (exit != 0) {
        throw CliException.command(
            "Failed to check the ACR: pod default/"
                + name
                + " terminated (Error) Command output: "
                + output);
      }
      return output;
    } finally {
      call("DELETE", pods + "/" + name, null);
    }
  }

  /** The pod {@code kubectl run --overrides} makes of az's overrides. */
  static ObjectNode pod(String name, String acr, String nodeName) {
    ObjectNode pod = Json.object().put("apiVersion", "v1").put("kind", "Pod");
    ObjectNode meta = pod.putObject("metadata").put("name", name).put("namespace", "default");
    meta.putObject("labels").put("run", name);
    ObjectNode spec = pod.putObject("spec");
    spec.put("hostNetwork", true).put("restartPolicy", "Never");
    ObjectNode c = spec.putArray("containers").addObject();
    c.put("name", name).put("image", IMAGE);
    c.putArray("args").add("-v6").add(acr);
    c.put("stdin", true).put("stdinOnce", true).put("tty", true);
    ArrayNode mounts = c.putArray("volumeMounts");
    mounts.addObject().put("name", "azurejson").put("mountPath", "/etc/kubernetes");
    mounts.addObject().put("name", "sslcerts").put("mountPath", "/etc/ssl/certs");
    c.putObject("securityContext").put("runAsUser", 0);
    ArrayNode tolerations = spec.putArray("tolerations");
    tolerations.addObject().put("key", "CriticalAddonsOnly").put("operator", "Exists");
    tolerations.addObject().put("effect", "NoExecute").put("operator", "Exists");
    ArrayNode volumes = spec.putArray("volumes");
    volumes
        .addObject()
        .put("name", "azurejson")
        .putObject("hostPath")
        .put("path", "/etc/kubernetes");
    volumes.addObject().put("name", "sslcerts").putObject("hostPath").put("path", "/etc/ssl/certs");
    spec.putObject("nodeSelector").put("kubernetes.io/os", "linux");
    if (nodeName != null) {
      ObjectNode term =
          spec.putObject("affinity")
              .putObject("nodeAffinity")
              .putObject("requiredDuringSchedulingIgnoredDuringExecution")
              .putArray("nodeSelectorTerms")
              .addObject();
      term.putArray("matchExpressions")
          .addObject()
          .put("key", "kubernetes.io/hostname")
          .put("operator", "In")
          .putArray("values")
          .add(nodeName);
    }
    return pod;
  }

  /** Reads the pod, then watches it from that version until its phase is terminal. */
  private JsonNode awaitTermination(String pods, String name) {
    Instant deadline = context.clock().instant().plus(WAIT);
    JsonNode pod = json(call("GET", pods + "/" + name, null));
    while (!terminal(pod)) {
      if (context.clock().instant().isAfter(deadline)) {
        throw CliException.command(
            "Failed to check the ACR: timed out waiting for pod default/" + name + " to finish.");
      }
      String rv = pod.path("metadata").path("resourceVersion").asText();
      String watch =
          pods
              + "?fieldSelector="
              + URLEncoder.encode("metadata.name=" + name, StandardCharsets.UTF_8)
              + "&watch=true&timeoutSeconds=5&resourceVersion="
              + rv;
      WireResponse events = call("GET", watch, null);
      JsonNode last = null;
      for (String line : events.text().split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = Json.parse(line);
        if (event.path("type").asText().equals("DELETED")) {
          throw CliException.command(
              "Failed to check the ACR: pod default/" + name + " was deleted.");
        }
        if (event.path("object").path("kind").asText().equals("Pod")) {
          last = event.path("object");
        }
      }
      pod = last != null ? last : json(call("GET", pods + "/" + name, null));
    }
    return pod;
  }

  private static boolean terminal(JsonNode pod) {
    String phase = pod.path("status").path("phase").asText();
    return phase.equals("Succeeded") || phase.equals("Failed");
  }

  private WireResponse call(String method, String path, String body) {
    Map<String, String> headers =
        body == null
            ? Map.of("Authorization", "Bearer " + token, "Accept", "application/json")
            : Map.of(
                "Authorization",
                "Bearer " + token,
                "Accept",
                "application/json",
                "Content-Type",
                "application/json");
    try {
      return context
          .transport()
          .exchange(
              new WireRequest(
                  method,
                  URI.create(server + path),
                  headers,
                  body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw CliException.command(
          "Failed to check the ACR: cannot reach the cluster's API server "
              + server
              + ": "
              + e.getMessage());
    }
  }

  private static void expect(WireResponse r, String what) {
    if (r.status() / 100 != 2) {
      throw CliException.command(
          "Failed to check the ACR: could not "
              + what
              + ": "
              + r.status()
              + " "
              + r.text().strip());
    }
  }

  private static JsonNode json(WireResponse r) {
    expect(r, "read from the cluster");
    return Json.parse(r.text());
  }
}
