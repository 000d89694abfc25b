package dev.moat.testing;

import dev.moat.arm.runtime.ArmRuntime;
import dev.moat.arm.runtime.MoatSettings;
import dev.moat.arm.runtime.ProviderAssembler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An in-process Moat control plane for tests: a fresh data directory, an ephemeral port, and an
 * {@link ArmClient} that trusts its CA and carries a token. Close it to stop the server and delete
 * the directory.
 *
 * <pre>{@code
 * try (TestMoat moat = TestMoat.start(MyProviders::assemble)) {
 *   ArmResult r = moat.arm().put("/subscriptions/" + moat.subscriptionId() + "/resourcegroups/rg1",
 *       "2025-04-01", "{\"location\":\"eastus\"}");
 * }
 * }</pre>
 */
public final class TestMoat implements AutoCloseable {
  private final ArmRuntime runtime;
  private final Path dataDir;
  private final boolean ownsDataDir;
  private final SSLContext sslContext;
  private final ArmClient arm;

  private TestMoat(ArmRuntime runtime, Path dataDir, boolean ownsDataDir) {
    this.runtime = runtime;
    this.dataDir = dataDir;
    this.ownsDataDir = ownsDataDir;
    this.sslContext = trusting(runtime.caPem());
    this.arm = new ArmClient(runtime.endpoint(), sslContext, "moat-test-client");
  }

  /** Starts a control plane with the given providers, default settings, in a new temp dir. */
  public static TestMoat start(ProviderAssembler assembler) {
    return start(assembler, s -> s);
  }

  /** Starts one with adjusted settings (port and data dir are the fixture's). */
  public static TestMoat start(ProviderAssembler assembler, UnaryOperator<MoatSettings> settings) {
    try {
      Path dir = Files.createTempDirectory("moat-test");
      return start(assembler, settings.apply(MoatSettings.defaults(dir).withPort(0)), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts one on an existing data directory (to test restarts); the caller owns the dir. */
  public static TestMoat startOn(Path dataDir, ProviderAssembler assembler) {
    return start(assembler, MoatSettings.defaults(dataDir).withPort(0), false);
  }

  private static TestMoat start(ProviderAssembler assembler, MoatSettings settings, boolean owns) {
    try {
      return new TestMoat(
          ArmRuntime.start(settings, Clock.systemUTC(), assembler), settings.dataDir(), owns);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Moat", e);
    }
  }

  public ArmClient arm() {
    return arm;
  }

  /** A client authenticated as another service principal. */
  public ArmClient armAs(String clientId) {
    return new ArmClient(runtime.endpoint(), sslContext, clientId);
  }

  public String endpoint() {
    return runtime.endpoint();
  }

  public String subscriptionId() {
    return runtime.tenancy().subscriptions().get(0).subscriptionId();
  }

  public String tenantId() {
    return runtime.tenancy().tenantId();
  }

  public SSLContext sslContext() {
    return sslContext;
  }

  public Path dataDir() {
    return dataDir;
  }

  public ArmRuntime runtime() {
    return runtime;
  }

  /** The path of a resource group, e.g. {@code /subscriptions/{s}/resourceGroups/rg1}. */
  public String groupPath(String group) {
    return "/subscriptions/" + subscriptionId() + "/resourceGroups/" + group;
  }

  /** Creates a resource group (api-version 2025-04-01) and returns its path. */
  public String createGroup(String group, String location) {
    String path = groupPath(group);
    arm.put(path, "2025-04-01", "{\"location\":\"" + location + "\"}").expectStatus(200, 201);
    return path;
  }

  /** A client for a Moat running elsewhere (another process), trusting its CA. */
  public static ArmClient clientFor(String endpoint, String caPem) {
    return new ArmClient(endpoint, trusting(caPem), "moat-test-client");
  }

  /** A default timeout for waiting on operations in tests. */
  public static Duration timeout() {
    return Duration.ofSeconds(30);
  }

  /** An SSL context trusting exactly the given CA certificate. */
  public static SSLContext trusting(String caPem) {
    try {
      X509Certificate ca =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("moat-ca", ca);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a trust store for the Moat CA", e);
    }
  }

  @Override
  public void close() {
    runtime.close();
    if (ownsDataDir) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
