package dev.moat.acr;

import dev.moat.arm.auth.TokenService;
import dev.moat.arm.runtime.RuntimeInfo;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.transport.NodePassports;
import dev.moat.mcr.BootstrapCatalog;
import dev.moat.mcr.SyntheticArtifacts;
import dev.moat.platform.contracts.Authorizer;
import dev.moat.platform.store.Database;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.api.RegistryHandler;
import dev.moat.registry.api.RegistryResolver;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.proxy.CacheRules;
import dev.moat.registry.proxy.CacheStatistics;
import dev.moat.registry.proxy.HttpUpstreamRegistry;
import dev.moat.registry.proxy.UpstreamEndpoints;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Handler;

/**
 * Azure Container Registry's data plane in Moat: the registry engine serving every registry
 * resource and the MCR stand-in, ACR's token endpoints and network rules in front of it, the fabric
 * ingress for node traffic, and host ports for tools. Build it during assembly, mount {@link
 * #handler()}, and call {@link #start(RuntimeInfo)} once the server listens.
 */
public final class AcrDataPlane implements AutoCloseable {
  private final RegistryEngine engine;
  private final RegistryEngine mcrEngine;
  private final DataPlanePorts ports = new DataPlanePorts();
  private final DataPlaneHandler handler;
  private final AcrRegistries registries;

  public AcrDataPlane(
      Database database,
      Path dataDir,
      Clock clock,
      SSLContext clientTrust,
      TokenService tokens,
      Authorizer authorizer,
      AcrRegistries registries,
      CacheRules cacheRules,
      NetworkFabric fabric,
      NodePassports passports,
      SyntheticArtifacts mcrArtifacts) {
    this.registries = registries;
    // Registries reach their upstreams (the MCR stand-in) on its own loopback port, as ACR's own
    // egress reaches mcr.microsoft.com.
    UpstreamEndpoints upstreams =
        host -> {
          if (!host.equalsIgnoreCase(RegistryTarget.MCR.value()) || ports.mcr() < 0) {
            throw new IllegalArgumentException("no route to upstream " + host);
          }
          return new UpstreamEndpoints.Endpoint(
              URI.create("https://127.0.0.1:" + ports.mcr()), Optional.empty());
        };
    this.engine =
        new RegistryEngine(
            database,
            dataDir.resolve("acr"),
            clock,
            cacheRules,
            new HttpUpstreamRegistry(clientTrust, upstreams, clock, Duration.ofSeconds(60)));
    // MCR is another service with its own storage: registries fill their caches from it over
    // HTTPS, so upstream fetches are real and counted.
    this.mcrEngine =
        new RegistryEngine(
            database,
            dataDir.resolve("mcr"),
            clock,
            CacheRules.none(),
            new HttpUpstreamRegistry(clientTrust, upstreams, clock, Duration.ofSeconds(60)));
    AcrTokens acrTokens = new AcrTokens(tokens, authorizer);
    RegistryResolver resolver =
        request ->
            Optional.ofNullable((RegistryTarget) request.getAttribute(RegistryTarget.ATTRIBUTE))
                .map(RegistryTarget::engineName);
    AcrAccessPolicy policy = new AcrAccessPolicy(acrTokens);
    Handler registry = new RegistryHandler(engine, resolver, policy);
    Handler mcr = new RegistryHandler(mcrEngine, resolver, policy);
    this.handler =
        new DataPlaneHandler(
            registries,
            fabric,
            passports,
            ports,
            registry,
            mcr,
            new AcrAuthEndpoints(acrTokens),
            new McrContent(mcrEngine, BootstrapCatalog.shipped(), mcrArtifacts));
  }

  /** The Jetty handler to mount before the ARM front door. */
  public Handler handler() {
    return handler;
  }

  /** Opens the ingress and MCR listeners. */
  public void start(RuntimeInfo info) {
    ports.start(info.listeners()::open);
  }

  /** The fabric ingress base URL node agents send their traffic to. */
  public String ingressBase() {
    return "https://127.0.0.1:" + ports.ingress();
  }

  /** Host endpoints: {@code 127.0.0.1:PORT} for a registry resource, opened on first use. */
  public String hostEndpoint(String registryName) {
    return "127.0.0.1:" + ports.hostPort(registryName);
  }

  public String mcrHostEndpoint() {
    return "127.0.0.1:" + ports.mcr();
  }

  public AcrRegistries registries() {
    return registries;
  }

  /** Upstream fetches, bytes and cache hits of one registry. */
  public CacheStatistics statistics(String registryName) {
    return engine.statistics(RegistryName.of(registryName));
  }

  @Override
  public void close() {
    engine.close();
    mcrEngine.close();
  }
}
