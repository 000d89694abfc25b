package dev.moat.nodes;

import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.contracts.NodeRuntime.ProgramRun;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code aks-canipull} (the program {@code az aks check-acr} runs in a pod with host networking) on
 * a node: resolve the registry through the node's VNet view, get the kubelet identity's ARM token
 * from IMDS, and exchange it at the registry's {@code /oauth2/exchange} over the node's path.
 * Output lines and exit codes are the program's (workloads.md §4): 52 DNS, 10 identity, 60 token
 * exchange. After the exchange it asks {@code /oauth2/token} for a pull scope with the refresh
 * token, which is where ACR applies RBAC: an identity without AcrPull fails {@code Validating image
 * pull permission} with the endpoint's 401 (workloads.md leaves this status [EMU]; the exchange
 * alone succeeds for any identity of the tenant, as the kubelet's "failed to fetch oauth token"
 * text shows). It still checks no pull, so it passes when only the data endpoint or a tag is wrong.
 */
final class CanIPull {
  /** The audience canipull asks IMDS for (it refreshes an ARM access token). */
  static final String ARM_AUDIENCE = "https://management.azure.com/";

  static final int EXIT_DNS = 52;
  static final int EXIT_IDENTITY = 10;
  static final int EXIT_TOKEN_EXCHANGE = 60;

  private final NodeSessions sessions;
  private final VnetResolverFactory resolvers;
  private final String tenantId;
  private final Clock clock;

  /** The node's resolver (a seam for the VNet of the node). */
  @FunctionalInterface
  interface VnetResolverFactory {
    VnetResolver.Answer lookup(NodeSpec node, String host) throws NetworkFailure;
  }

  CanIPull(NodeSessions sessions, VnetResolverFactory resolvers, String tenantId, Clock clock) {
    this.sessions = sessions;
    this.resolvers = resolvers;
    this.tenantId = tenantId;
    this.clock = clock;
  }

  ProgramRun run(NodeSpec node, String acr) {
    List<String> out = new ArrayList<>();
    VnetResolver.Answer answer;
    try {
      answer = resolvers.lookup(node, acr);
    } catch (NetworkFailure e) {
      log(out, "Checking host name resolution (" + acr + "): FAILED");
      log(out, "Failed to resolve specified fqdn " + acr + ": " + lookupError(e));
      return new ProgramRun(out, EXIT_DNS);
    }
    log(out, "Checking host name resolution (" + acr + "): SUCCEEDED");
    log(out, "Canonical name for ACR (" + acr + "): " + answer.canonicalName());
    location(answer.canonicalName()).ifPresent(l -> log(out, "ACR location: " + l));
    log(out, "Loading azure.json file from /etc/kubernetes/azure.json");
    log(out, "Checking managed identity...");
    NodeSessions.Session session = sessions.of(node);
    Optional<NodeSessions.Kubelet> kubelet = session.kubelet();
    if (kubelet.isEmpty()) {
      log(out, "Validating managed identity existance: FAILED");
      log(
          out,
          "Getting managed identity token failed with: failed to refresh ARM access token: the"
              + " kubelet identity "
              + node.kubeletIdentity()
              + " does not exist");
      return new ProgramRun(out, EXIT_IDENTITY);
    }
    String clientId = kubelet.get().identity().clientId();
    log(out, "Kubelet managed identity client ID: " + clientId);
    String armToken;
    try {
      armToken = kubelet.get().imds().token(ARM_AUDIENCE, clientId);
    } catch (BootstrapFailure e) {
      log(out, "Validating managed identity existance: FAILED");
      log(
          out,
          "Getting managed identity token failed with: failed to refresh ARM access token: "
              + e.getMessage());
      return new ProgramRun(out, EXIT_IDENTITY);
    }
    log(out, "Validating managed identity existance: SUCCEEDED");
    String rejected = "ACR " + acr + " rejected token exchange: ";
    try {
      TokenExchange exchange = TokenExchange.exchange(session.http(), acr, tenantId, armToken);
      if (exchange.refreshToken().isPresent()) {
        exchange = TokenExchange.pullToken(session.http(), acr, exchange.refreshToken().get());
      }
      if (exchange.status() != 200) {
        log(out, "Validating image pull permission: FAILED");
        log(
            out,
            rejected
                + "ACR token exchange endpoint returned error status: "
                + exchange.status()
                + ". body: "
                + exchange.body().strip());
        return new ProgramRun(out, EXIT_TOKEN_EXCHANGE);
      }
    } catch (NetworkFailure e) {
      log(out, "Validating image pull permission: FAILED");
      log(
          out,
          rejected
              + "failed to send token exchange request: Post \""
              + TokenExchange.exchangeUri(acr)
              + "\": "
              + e.goError());
      return new ProgramRun(out, EXIT_TOKEN_EXCHANGE);
    }
    log(out, "Validating image pull permission: SUCCEEDED");
    log(out, "");
    out.add("Your cluster can pull images from " + acr + "!");
    return new ProgramRun(out, 0);
  }

  /** Go's resolver error without the dialer's prefix: {@code lookup X on Y:53: no such host}. */
  private static String lookupError(NetworkFailure e) {
    String text = e.goError();
    return text.startsWith("dial tcp: ") ? text.substring("dial tcp: ".length()) : text;
  }

  /**
   * canipull reads the region from a public ACR's canonical name ({@code
   * r1209eus.eastus.cloudapp.azure.com.}); a private-link name has none to print.
   */
  static Optional<String> location(String canonicalName) {
    if (canonicalName.contains(".privatelink.")) {
      return Optional.empty();
    }
    String[] labels = canonicalName.split("\\.");
    return canonicalName.endsWith(".cloudapp.azure.com.") && labels.length >= 5
        ? Optional.of(labels[1])
        : Optional.empty();
  }

  private void log(List<String> out, String line) {
    out.add("[" + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
  }
}
