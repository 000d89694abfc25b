package dev.moat.registry;

import dev.moat.arm.http.MoatHttpServer;
import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.platform.store.SqliteDatabase;
import dev.moat.registry.api.AccessPolicy;
import dev.moat.registry.api.RegistryHandler;
import dev.moat.registry.api.RegistryResolver;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.proxy.CacheRules;
import dev.moat.registry.proxy.ProxySettings;
import dev.moat.registry.proxy.UpstreamRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A registry engine served over real HTTPS on an ephemeral loopback port. */
public final class TestRegistry implements AutoCloseable {
  public final RegistryEngine engine;
  public final SqliteDatabase db;
  public final Path dir;
  public final RegistryName name;
  private final MoatHttpServer server;

  public TestRegistry(
      Path dir,
      LocalCertificateAuthority ca,
      Clock clock,
      RegistryName name,
      CacheRules rules,
      UpstreamRegistry upstream,
      ProxySettings settings,
      AccessPolicy policy)
      throws Exception {
    this.dir = dir;
    this.name = name;
    this.db = SqliteDatabase.open(dir.resolve("moat.db"), false);
    this.engine = new RegistryEngine(db, dir.resolve("registry"), clock, rules, upstream, settings);
    KeyStore keys = ca.issueKeyStore(List.of("127.0.0.1", "localhost"));
    this.server =
        new MoatHttpServer(
            "127.0.0.1",
            0,
            keys,
            new RegistryHandler(engine, RegistryResolver.fixed(name), policy));
    server.start();
  }

  /** A plain registry (no cache rules). */
  public static TestRegistry plain(Path dir, LocalCertificateAuthority ca, String name)
      throws Exception {
    return new TestRegistry(
        dir,
        ca,
        Clock.systemUTC(),
        RegistryName.of(name),
        CacheRules.none(),
        new UnreachableUpstream(),
        ProxySettings.defaults(),
        AccessPolicy.allowAll());
  }

  public URI base() {
    return URI.create("https://127.0.0.1:" + server.port());
  }

  public int port() {
    return server.port();
  }

  public static SSLContext trusting(LocalCertificateAuthority ca) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("moat-ca", ca.certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  /** Stops serving (the engine and database stay usable until {@link #close}). */
  public void stopServer() {
    server.close();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (RuntimeException e) {
      // Already stopped.
    }
    engine.close();
    db.close();
  }
}
