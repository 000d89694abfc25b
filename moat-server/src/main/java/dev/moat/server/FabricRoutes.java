package dev.moat.server;

import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.arm.http.HttpService;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.dns.DnsViewInfo;
import dev.moat.platform.json.Json;
import java.util.List;

/**
 * Moat's own read-only endpoint for the network fabric: {@code GET /moat/fabric/dns-views} lists
 * each DNS view (the host's public view, and one per virtual network) with the loopback address to
 * {@code dig} it at, so that {@code dig @127.0.0.1 -p PORT myacr.azurecr.io} shows what a VM in
 * that VNet resolves.
 */
final class FabricRoutes implements HttpService {
  static final String DNS_VIEWS = "/moat/fabric/dns-views";

  private final NetworkFabric fabric;

  FabricRoutes(NetworkFabric fabric) {
    this.fabric = fabric;
  }

  static boolean handles(String path) {
    return path.equals(DNS_VIEWS);
  }

  @Override
  public HttpResult handle(HttpCall call) {
    if (!call.method().equals("GET")) {
      return HttpResult.json(
          405, "{\"error\":{\"code\":\"MethodNotAllowed\",\"message\":\"GET only.\"}}");
    }
    List<View> views =
        fabric.dnsViews().stream()
            .map(
                (DnsViewInfo v) ->
                    new View(
                        v.virtualNetwork().map(Object::toString).orElse(null),
                        v.virtualNetwork().isPresent() ? "virtualNetwork" : "host",
                        v.address().getAddress().getHostAddress(),
                        v.address().getPort(),
                        v.queries()))
            .toList();
    return HttpResult.json(200, Json.write(new Page(views)));
  }

  /** One view as the endpoint shows it. */
  record View(String virtualNetworkId, String kind, String address, int port, long queries) {}

  /** {@code {"value":[...]}}. */
  record Page(List<View> value) {}
}
