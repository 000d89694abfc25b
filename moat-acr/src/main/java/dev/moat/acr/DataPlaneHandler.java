package dev.moat.acr;

import dev.moat.arm.http.HttpResult;
import dev.moat.arm.http.JettyHttpAdapter;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.Source;
import dev.moat.fabric.reach.Reachability;
import dev.moat.fabric.transport.NodePassport;
import dev.moat.fabric.transport.NodePassports;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Front of the registry data plane: decides which registry a request is for and which network path
 * it took, then hands it to ACR's token endpoints or the registry engine.
 *
 * <ul>
 *   <li>On the <b>fabric ingress</b> port, only node agents' requests are served: the node's
 *       passport names its subnet, the fabric must admit the path from there to the address the
 *       node resolved, and that address must belong to the host the node asked for. The path is a
 *       private endpoint for VNet addresses and public otherwise. Refusals carry {@code
 *       X-Moat-Fabric-Denial}, which node agents report as a connection that timed out.
 *   <li>On a registry's <b>host port</b>, or the main port with a registry {@code Host}, requests
 *       come from the host: a public network path.
 * </ul>
 *
 * ACR sends blob downloads to a registry's dedicated data endpoint when it has one; requests
 * through the ingress are redirected there, as real clients are.
 */
final class DataPlaneHandler extends Handler.Abstract {
  private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[a-f0-9]{64})");
  private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
  private static final Pattern DESTINATION = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+):(\\d+)");

  private final AcrRegistries registries;
  private final NetworkFabric fabric;
  private final NodePassports passports;
  private final DataPlanePorts ports;
  private final Handler registryHandler;
  private final StandIns standIns;
  private final AcrAuthEndpoints auth;
  private final AcrMetadataEndpoints metadata;

  DataPlaneHandler(
      AcrRegistries registries,
      NetworkFabric fabric,
      NodePassports passports,
      DataPlanePorts ports,
      Handler registryHandler,
      StandIns standIns,
      AcrAuthEndpoints auth,
      AcrMetadataEndpoints metadata) {
    this.registries = registries;
    this.fabric = fabric;
    this.passports = passports;
    this.ports = ports;
    this.registryHandler = registryHandler;
    this.standIns = standIns;
    this.auth = auth;
    this.metadata = metadata;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    int local = Request.getLocalPort(request);
    if (local == ports.ingress()) {
      return ingress(request, response, callback);
    }
    Optional<RegistryTarget> target;
    Optional<String> standIn = ports.standInAt(local);
    if (standIn.isPresent()) {
      target = standIns.byName(standIn.get()).map(StandIns.StandIn::target);
    } else {
      target =
          ports
              .registryAt(local)
              .flatMap(registries::byName)
              .map(r -> (RegistryTarget) new RegistryTarget.Acr(r, false))
              .or(() -> byHost(host(request)));
    }
    if (target.isEmpty()) {
      return false;
    }
    request.setAttribute(RegistryTarget.ATTRIBUTE, target.get());
    return serve(target.get(), request, response, callback);
  }

  private boolean ingress(Request request, Response response, Callback callback) throws Exception {
    Optional<NodePassport> node = passports.resolve(request.getHeaders().get(NodePassports.HEADER));
    if (node.isEmpty()) {
      return refuse(
          response, callback, 403, "NotANode: the fabric ingress serves node agents only");
    }
    Matcher dest =
        DESTINATION.matcher(String.valueOf(request.getHeaders().get(NodePassports.DESTINATION)));
    String host =
        String.valueOf(request.getHeaders().get(NodePassports.HOST)).toLowerCase(Locale.ROOT);
    if (!dest.matches()) {
      return refuse(
          response,
          callback,
          400,
          "BadDestination: " + NodePassports.DESTINATION + " must be ip:port");
    }
    Reachability reach =
        fabric.check(
            Source.node(node.get().subnet(), node.get().egress()),
            dest.group(1),
            Integer.parseInt(dest.group(2)));
    if (!reach.isAllowed()) {
      response
          .getHeaders()
          .put("X-Moat-Fabric-Denial", reach.denial().orElseThrow() + ": " + reach.detail());
      return refuse(response, callback, 504, reach.detail());
    }
    Optional<RegistryTarget> target = byHost(host);
    boolean addressMatches =
        target.isPresent()
            && (reach.destination().isEmpty()
                || !(target.get() instanceof RegistryTarget.Acr acr)
                || reach.destination().get().equals(acr.registry().id()));
    if (!addressMatches) {
      response
          .getHeaders()
          .put(
              "X-Moat-Fabric-Denial",
              "NoServiceAtAddress: " + dest.group(1) + " does not serve " + host);
      return refuse(response, callback, 504, "nothing at " + dest.group(1) + " serves " + host);
    }
    RequestPath.Kind kind =
        isPrivate(dest.group(1))
            ? RequestPath.Kind.PRIVATE_ENDPOINT
            : RequestPath.Kind.PUBLIC_FROM_VNET;
    Request virtual = new VirtualHostRequest(request, host);
    virtual.setAttribute(
        RequestPath.ATTRIBUTE,
        new RequestPath(kind, Optional.of(node.get().subnet()), node.get().privateIpAddress()));
    virtual.setAttribute(RegistryTarget.ATTRIBUTE, target.get());
    if (target.get() instanceof RegistryTarget.Acr acr && shouldRedirectToData(acr, virtual)) {
      response.setStatus(307);
      response
          .getHeaders()
          .put(
              HttpHeader.LOCATION,
              "https://" + acr.registry().dataHosts().get(0) + request.getHttpURI().getPathQuery());
      response.write(true, null, callback);
      return true;
    }
    return serve(target.get(), virtual, response, callback);
  }

  private boolean serve(
      RegistryTarget target, Request request, Response response, Callback callback)
      throws Exception {
    String path = request.getHttpURI().getPath();
    if (target instanceof RegistryTarget.Acr acr
        && (AcrAuthEndpoints.handles(path) || AcrMetadataEndpoints.handles(path))) {
      RequestPath via = RequestPath.of(request);
      if (via.isPublic() && !acr.registry().publicNetworkAccessEnabled()) {
        // The same network rule as pulls: ACR refuses its token and management endpoints from
        // outside its allowed networks too.
        HttpResult denied =
            AcrAuthEndpoints.error(
                403,
                "DENIED",
                "client with IP '"
                    + via.clientIp()
                    + "' is not allowed access. Refer https://aka.ms/acr/firewall to grant"
                    + " access.");
        return new JettyHttpAdapter(call -> denied, 64 * 1024).handle(request, response, callback);
      }
      return new JettyHttpAdapter(
              call ->
                  AcrAuthEndpoints.handles(path)
                      ? auth.handle(call, acr.registry())
                      : metadata.handle(call, acr.registry()),
              64 * 1024)
          .handle(request, response, callback);
    }
    if (target instanceof RegistryTarget.StandIn publicRegistry) {
      StandIns.StandIn standIn = standIns.byName(publicRegistry.registry().name()).orElseThrow();
      Matcher m = MANIFEST.matcher(path);
      if (m.matches() && !m.group(2).startsWith("sha256:")) {
        standIn.content().ensure(m.group(1), m.group(2));
      }
      return standIn.handler().handle(request, response, callback);
    }
    return registryHandler.handle(request, response, callback);
  }

  private static boolean shouldRedirectToData(RegistryTarget.Acr acr, Request request) {
    return !acr.dataHost()
        && !acr.registry().dataHosts().isEmpty()
        && request.getMethod().equals("GET")
        && BLOB.matcher(request.getHttpURI().getPath()).matches();
  }

  private Optional<RegistryTarget> byHost(String host) {
    Optional<StandIns.StandIn> standIn = standIns.byHost(host);
    if (standIn.isPresent()) {
      return Optional.of(standIn.get().target());
    }
    return registries
        .byHost(host)
        .map(r -> new RegistryTarget.Acr(r, r.dataHosts().contains(host)));
  }

  private static String host(Request request) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null) {
      return "";
    }
    int colon = host.lastIndexOf(':');
    return (colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host)
        .toLowerCase(Locale.ROOT);
  }

  /** RFC 1918 and shared address space: where VNets live. Pseudo-public addresses are not. */
  static boolean isPrivate(String ip) {
    String[] p = ip.split("\\.");
    int a = Integer.parseInt(p[0]);
    int b = Integer.parseInt(p[1]);
    return a == 10
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168)
        || (a == 100 && b >= 64 && b <= 127);
  }

  private static boolean refuse(Response response, Callback callback, int status, String message) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.write(
        true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
