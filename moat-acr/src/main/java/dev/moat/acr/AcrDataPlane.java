package dev.moat.acr;

import dev.moat.arm.auth.TokenService;
import dev.moat.arm.runtime.RuntimeInfo;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.transport.NodePassports;
import dev.moat.mcr.BootstrapCatalog;
import dev.moat.mcr.PublicRegistry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Handler;

/**
 * Azure Container Registry's data plane in Moat: the registry engine serving every registry
 * resource and the public registry stand-ins (MCR, Docker Hub, GHCR, Quay, registry.k8s.io), ACR's
 * token endpoints and network rules in front of it, the fabric ingress for node traffic, and host
 * ports for tools. Build it during assembly, mount {@link #handler()}, and call {@link
 * #start(RuntimeInfo)} once the server listens.
 */
public final class AcrDataPlane implements AutoCloseable {
  private final RegistryEngine engine;
  private final StandIns standIns;
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
    List<PublicRegistry> publicRegistries = new ArrayList<>();
    publicRegistries.add(PublicRegistry.mcr(BootstrapCatalog.shipped()));
    publicRegistries.addAll(PublicRegistry.others());
    // Registries reach their upstreams (the public registry stand-ins) on the stand-ins' loopback
    // ports, as ACR's own egress reaches mcr.microsoft.com or Docker Hub.
    UpstreamEndpoints upstreams =
        host -> {
          PublicRegistry upstream =
              publicRegistries.stream()
                  .filter(p -> p.serves(host) || p.name().equalsIgnoreCase(host))
                  .findFirst()
                  .orElseThrow(() -> new IllegalArgumentException("no route to upstream " + host));
          int port = ports.standIn(upstream.name());
          if (port < 0) {
            throw new IllegalArgumentException("no route to upstream " + host);
          }
          return new UpstreamEndpoints.Endpoint(
              URI.create("https://127.0.0.1:" + port), Optional.empty());
        };
    this.engine =
        new RegistryEngine(
            database,
            dataDir.resolve("acr"),
            clock,
            cacheRules,
            new HttpUpstreamRegistry(clientTrust, upstreams, clock, Duration.ofSeconds(60)));
    AcrTokens acrTokens = new AcrTokens(tokens, authorizer);
    RegistryResolver resolver =
        request ->
            Optional.ofNullable((RegistryTarget) request.getAttribute(RegistryTarget.ATTRIBUTE))
                .map(RegistryTarget::engineName);
    AcrAccessPolicy policy = new AcrAccessPolicy(acrTokens);
    Handler registry = new RegistryHandler(engine, resolver, policy);
    // Each public registry is another service with its own storage: registries fill their caches
    // from it over HTTPS, so upstream fetches are real and counted.
    List<StandIns.StandIn> served = new ArrayList<>();
    for (PublicRegistry p : publicRegistries) {
      RegistryEngine standInEngine =
          new RegistryEngine(
              database,
              dataDir.resolve(p.name().equals("mcr.microsoft.com") ? "mcr" : p.name()),
              clock,
              CacheRules.none(),
              new HttpUpstreamRegistry(clientTrust, upstreams, clock, Duration.ofSeconds(60)));
      served.add(
          new StandIns.StandIn(
              p,
              standInEngine,
              new RegistryHandler(standInEngine, resolver, policy),
              new StandInContent(p, standInEngine, mcrArtifacts)));
    }
    this.standIns = new StandIns(served);
    this.handler =
        new DataPlaneHandler(
            registries,
            fabric,
            passports,
            ports,
            registry,
            standIns,
            new AcrAuthEndpoints(acrTokens),
            new AcrMetadataEndpoints(engine, acrTokens));
  }

  /** {@code importImage}: a server-side copy into a registry, whatever its network rules. */
  public void importImage(ImageImport.Request request) throws ImageImport.ImportException {
    new ImageImport(engine, standIns).run(request);
  }

  /** The Jetty handler to mount before the ARM front door. */
  public Handler handler() {
    return handler;
  }

  /** Opens the ingress and MCR listeners. */
  public void start(RuntimeInfo info) {
    ports.start(
        info.listeners()::open, standIns.all().stream().map(s -> s.registry().name()).toList());
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
    return standInHostEndpoint("mcr.microsoft.com");
  }

  /** The public registry stand-ins' names, e.g. {@code docker.io}. */
  public List<String> standIns() {
    return standIns.all().stream().map(s -> s.registry().name()).toList();
  }

  /** A stand-in's host endpoint, {@code 127.0.0.1:PORT}. */
  public String standInHostEndpoint(String name) {
    return "127.0.0.1:" + ports.standIn(name);
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
    standIns.close();
  }
}
