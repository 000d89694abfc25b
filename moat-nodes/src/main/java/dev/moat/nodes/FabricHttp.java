package dev.moat.nodes;

import dev.moat.fabric.transport.NodePassports;
import dev.moat.platform.id.ResourceId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's HTTPS client: every request to a virtual host (e.g. {@code
 * https://myacr.azurecr.io/v2/}) resolves the host in the node's VNet view, then travels to the
 * fabric ingress carrying the node's passport and the address it resolved, where the fabric admits
 * or refuses the path. A refusal reads like the network failure a VM would see.
 */
final class FabricHttp {
  /** The ingress's answer when the fabric refuses a path; the header carries the reason. */
  static final String DENIAL = "X-Moat-Fabric-Denial";

  private final HttpClient client;
  private final String ingressBase;
  private final VnetResolver resolver;
  private final ResourceId virtualNetwork;
  private final String passport;

  FabricHttp(
      HttpClient client,
      String ingressBase,
      VnetResolver resolver,
      ResourceId virtualNetwork,
      String passport) {
    this.client = client;
    this.ingressBase = ingressBase;
    this.resolver = resolver;
    this.virtualNetwork = virtualNetwork;
    this.passport = passport;
  }

  /** A response, with its body. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst();
    }
  }

  Response get(URI virtual, Map<String, String> headers) throws NetworkFailure {
    return send("GET", virtual, headers, null);
  }

  Response send(String method, URI virtual, Map<String, String> headers, String formBody)
      throws NetworkFailure {
    String host = virtual.getHost();
    String address = resolver.resolve(virtualNetwork, host).get(0);
    int port = virtual.getPort() < 0 ? 443 : virtual.getPort();
    String pathAndQuery =
        virtual.getRawPath() + (virtual.getRawQuery() == null ? "" : "?" + virtual.getRawQuery());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(ingressBase + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .header(NodePassports.HEADER, passport)
            .header(NodePassports.DESTINATION, address + ":" + port)
            .header(NodePassports.HOST, host);
    headers.forEach(b::header);
    if (formBody != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
      b.method(method, HttpRequest.BodyPublishers.ofString(formBody));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<byte[]> r;
    try {
      r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new NetworkFailure("dial tcp " + address + ":" + port + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkFailure("interrupted");
    }
    Optional<String> denial = r.headers().firstValue(DENIAL);
    if (denial.isPresent()) {
      // A dropped SYN: Go's dialer gives up with "i/o timeout" (containerd, canipull).
      throw new NetworkFailure(
          "dial tcp "
              + address
              + ":"
              + port
              + ": connect: connection timed out ("
              + denial.get()
              + ")",
          "dial tcp " + address + ":" + port + ": i/o timeout");
    }
    return new Response(r.statusCode(), r.headers().map(), r.body());
  }
}
