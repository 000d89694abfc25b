package dev.moat.server;

import dev.moat.acr.AcrDataPlane;
import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.arm.http.HttpService;
import dev.moat.platform.json.Json;
import dev.moat.registry.proxy.CacheStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Moat's own read-only endpoint {@code GET /moat/registries}: where host tools reach each registry
 * (a loopback port per registry, so {@code skopeo copy docker://127.0.0.1:PORT/repo:tag} works
 * without name resolution) and where the public registry stand-ins are ({@code mcr.microsoft.com},
 * {@code docker.io}, {@code ghcr.io}, {@code quay.io}, {@code registry.k8s.io}), with each
 * registry's pull-through cache counters (upstream fetches, bytes, hits) since the server started.
 * Asking opens the ports of registries that have none yet.
 */
final class RegistryEndpointRoutes implements HttpService {
  static final String PATH = "/moat/registries";

  private final AcrDataPlane dataPlane;

  RegistryEndpointRoutes(AcrDataPlane dataPlane) {
    this.dataPlane = dataPlane;
  }

  static boolean handles(String path) {
    return path.equals(PATH);
  }

  @Override
  public HttpResult handle(HttpCall call) {
    List<Entry> entries = new ArrayList<>();
    for (String standIn : dataPlane.standIns()) {
      entries.add(new Entry(null, standIn, dataPlane.standInHostEndpoint(standIn), true, null));
    }
    dataPlane
        .registries()
        .all()
        .forEach(
            r ->
                entries.add(
                    new Entry(
                        r.id().toString(),
                        r.loginServer(),
                        dataPlane.hostEndpoint(r.name()),
                        r.publicNetworkAccessEnabled(),
                        dataPlane.statistics(r.name()))));
    return HttpResult.json(200, Json.write(new Page(entries)));
  }

  /** One registry and its host endpoint. */
  record Entry(
      String id,
      String loginServer,
      String hostEndpoint,
      boolean publicNetworkAccess,
      CacheStatistics cache) {}

  /** {@code {"value":[...]}}. */
  record Page(List<Entry> value) {}
}
