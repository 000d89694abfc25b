package dev.moat.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.arm.http.HttpService;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.Source;
import dev.moat.fabric.dns.RecordType;
import dev.moat.fabric.dns.Resolution;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moat's own endpoints for the doctor and the topology page (read-only, like {@code
 * /moat/fabric/dns-views}):
 *
 * <ul>
 *   <li>{@code POST /moat/doctor/check?cluster={id}} — the {@link Report} for the cluster as it is,
 *       or, when it does not exist, for the request body ({@code az aks create}'s PUT body);
 *   <li>{@code GET /moat/ui} — the topology page (static HTML, JS and CSS from this module, no
 *       external scripts or fonts);
 *   <li>{@code GET /moat/ui/api/topology}, {@code GET /moat/ui/api/doctor?cluster={id}}, {@code GET
 *       /moat/ui/api/dns?subnet={id}&names=a,b} — its data.
 * </ul>
 */
public final class DoctorRoutes implements HttpService {
  public static final String CHECK = "/moat/doctor/check";
  public static final String UI = "/moat/ui";
  private static final Map<String, String> ASSETS =
      Map.of(
          "/moat/ui",
          "index.html",
          "/moat/ui/",
          "index.html",
          "/moat/ui/app.js",
          "app.js",
          "/moat/ui/style.css",
          "style.css");

  private final NetworkIsolationDoctor doctor;
  private final Topology topology;
  private final NetworkFabric fabric;

  public DoctorRoutes(NetworkIsolationDoctor doctor, Topology topology, NetworkFabric fabric) {
    this.doctor = doctor;
    this.topology = topology;
    this.fabric = fabric;
  }

  public static boolean handles(String path) {
    return path.equals(CHECK) || path.equals(UI) || path.startsWith(UI + "/");
  }

  @Override
  public HttpResult handle(HttpCall call) {
    String path = call.path();
    if (path.equals(CHECK)) {
      return call.method().equals("POST") ? check(call) : notAllowed("POST");
    }
    if (!call.method().equals("GET")) {
      return notAllowed("GET");
    }
    if (ASSETS.containsKey(path)) {
      return asset(ASSETS.get(path));
    }
    return switch (path) {
      case "/moat/ui/api/topology" ->
          HttpResult.json(200, Json.write(topology.read())).withHeader("Cache-Control", "no-store");
      case "/moat/ui/api/doctor" ->
          clusterId(call)
              .flatMap(doctor::check)
              .map(r -> HttpResult.json(200, Json.write(r)))
              .orElse(error(404, "ResourceNotFound", "The cluster was not found."));
      case "/moat/ui/api/dns" -> dns(call);
      default -> error(404, "NotFound", "No such page.");
    };
  }

  private HttpResult check(HttpCall call) {
    Optional<ResourceId> id = clusterId(call);
    if (id.isEmpty()) {
      return error(
          400, "InvalidParameter", "Query parameter 'cluster' must be a managed cluster id.");
    }
    JsonNode body = null;
    if (call.body().length > 0) {
      try {
        body = Json.mapper().readTree(call.body());
      } catch (IOException e) {
        return error(
            400,
            "InvalidRequestContent",
            "The request content was invalid and could not be deserialized.");
      }
    }
    return doctor
        .check(id.get(), body)
        .map(r -> HttpResult.json(200, Json.write(r)))
        .orElse(
            error(
                404,
                "ResourceNotFound",
                "The Resource 'Microsoft.ContainerService/managedClusters/"
                    + id.get().name()
                    + "' under resource group '"
                    + id.get().resourceGroup().orElse("")
                    + "' was not found."));
  }

  /** What a VM in {@code subnet} resolves for each name: the node's DNS view. */
  private HttpResult dns(HttpCall call) {
    Optional<ResourceId> subnet = call.queryParam("subnet").flatMap(ResourceId::tryParse);
    if (subnet.isEmpty()
        || !subnet
            .get()
            .type()
            .value()
            .equalsIgnoreCase("Microsoft.Network/virtualNetworks/subnets")) {
      return error(400, "InvalidParameter", "Query parameter 'subnet' must be a subnet id.");
    }
    List<Answer> answers = new ArrayList<>();
    for (String name : call.queryParam("names").orElse("").split(",")) {
      if (name.isBlank()) {
        continue;
      }
      try {
        Resolution r = fabric.resolve(Source.subnet(subnet.get()), name.trim(), RecordType.A);
        answers.add(
            new Answer(
                r.name(),
                r.cnames().stream().map(Resolution.Cname::target).toList(),
                r.addresses(),
                r.status().name(),
                r.isPrivate() ? "private zone " + r.authority() : "public DNS"));
      } catch (IllegalArgumentException e) {
        answers.add(new Answer(name, List.of(), List.of(), "FORMERR", "invalid name"));
      }
    }
    return HttpResult.json(200, Json.write(new Answers(answers)));
  }

  /** One name as the view answers it. */
  record Answer(
      String name, List<String> cnames, List<String> addresses, String status, String source) {}

  record Answers(List<Answer> value) {}

  private static Optional<ResourceId> clusterId(HttpCall call) {
    return call.queryParam("cluster")
        .flatMap(ResourceId::tryParse)
        .filter(
            id -> id.type().value().equalsIgnoreCase("Microsoft.ContainerService/managedClusters"));
  }

  private static HttpResult asset(String name) {
    try (InputStream in = DoctorRoutes.class.getResourceAsStream("ui/" + name)) {
      if (in == null) {
        return error(404, "NotFound", "No such page.");
      }
      String type =
          name.endsWith(".html")
              ? "text/html; charset=utf-8"
              : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      return new HttpResult(
          200, Map.of("Content-Type", type, "Cache-Control", "no-store"), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResult notAllowed(String allowed) {
    return error(405, "MethodNotAllowed", allowed + " only.");
  }

  private static HttpResult error(int status, String code, String message) {
    return HttpResult.json(
        status, Json.write(Map.of("error", Map.of("code", code, "message", message))));
  }
}
