package dev.moat.arm.http;

import java.security.KeyStore;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Moat's HTTPS listener: Jetty on one loopback address and port, TLS from the local CA. */
public final class MoatHttpServer implements AutoCloseable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(MoatHttpServer.class);
  private final Server server;
  private final ServerConnector connector;

  private final String host;
  private final SslContextFactory.Server tls;
  private final HttpConfiguration config;

  public MoatHttpServer(String host, int port, KeyStore keyStore, Handler handler) {
    this.host = host;
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("moat-http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    this.tls = new FastCipherFirst();
    tls.setKeyStore(keyStore);
    tls.setKeyStorePassword("");
    this.config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    // Jetty's per-connection header cache admits values up to its size; ARM requests carry a
    // bearer token that nearly fills it, so the cache's trie was cleared on most requests
    // (63 % of CPU under wrk, JFR). Headers here are rarely repeated verbatim enough to pay.
    config.setHeaderCacheSize(0);
    // ARM accepts `//subscriptions/...`, which SDK clients send when the configured endpoint ends
    // in a slash; Jetty's default compliance would refuse it as an ambiguous empty segment.
    config.setUriCompliance(
        UriCompliance.DEFAULT.with("moat", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Clients address Moat by IP and by names it serves under; SNI checks would refuse some.
    secure.setSniHostCheck(false);
    config.addCustomizer(secure);
    this.connector =
        new ServerConnector(
            server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(handler);
    server.setStopTimeout(2000);
  }

  public void start() throws Exception {
    server.start();
  }

  /**
   * Opens a further HTTPS listener on the same host with the same certificate and handler; the
   * handler tells listeners apart by the request's local port.
   */
  public synchronized int openListener(int port) {
    ServerConnector extra =
        new ServerConnector(
            server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(config));
    extra.setHost(host);
    extra.setPort(port);
    server.addConnector(extra);
    try {
      extra.start();
    } catch (Exception e) {
      server.removeConnector(extra);
      throw new IllegalStateException("cannot listen on " + host + ":" + port, e);
    }
    return extra.getLocalPort();
  }

  /**
   * TLS with AES-128-GCM preferred over AES-256-GCM. The JDK lists the AES-256 suites first and
   * Jetty honours the server's order, so every client (curl, Go's skopeo, the JDK's own client
   * fetching from the MCR stand-in) got AES-256-GCM: 14 AES rounds a block instead of 10 on every
   * byte of every blob, for no gain on a loopback listener. Go servers (CNCF Distribution) prefer
   * AES-128-GCM for the same reason. The set of suites is unchanged; only their order moves.
   */
  static final class FastCipherFirst extends SslContextFactory.Server {
    @Override
    public void customize(javax.net.ssl.SSLEngine engine) {
      super.customize(engine);
      engine.setEnabledCipherSuites(aes128First(engine.getEnabledCipherSuites()));
    }

    /** A stable reorder: each AES-128-GCM suite moves ahead of every AES-256-GCM suite. */
    static String[] aes128First(String[] suites) {
      java.util.List<String> ordered = new java.util.ArrayList<>(java.util.List.of(suites));
      ordered.sort(java.util.Comparator.comparingInt(s -> s.contains("_AES_128_GCM_") ? 0 : 1));
      return ordered.toArray(String[]::new);
    }
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * Stops the listener. Never throws: a graceful stop that times out (requests still in flight on a
   * busy machine) has already closed the connectors, so the stop is finished without waiting and
   * the timeout only logged. A failing stop used to fail whichever test was closing its server.
   */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("graceful stop of the HTTP server did not finish; stopping without waiting", e);
      server.setStopTimeout(0);
      try {
        if (!server.isStopped()) {
          server.stop();
        }
      } catch (Exception again) {
        LOG.warn("the HTTP server did not stop cleanly", again);
      }
    }
  }
}
