package dev.moat.server;

import dev.moat.arm.ArmFrontDoor;
import dev.moat.arm.auth.Authenticator;
import dev.moat.arm.auth.ClientDirectory;
import dev.moat.arm.auth.StsService;
import dev.moat.arm.auth.TokenService;
import dev.moat.arm.http.HostDispatcher;
import dev.moat.arm.http.JettyHttpAdapter;
import dev.moat.arm.http.MoatHttpServer;
import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.OperationTable;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.arm.tenancy.TenancyProvider;
import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.platform.id.Regions;
import dev.moat.platform.reconcile.ExecutorScheduler;
import dev.moat.platform.reconcile.OperationRepository;
import dev.moat.platform.reconcile.ReconcileEngine;
import dev.moat.platform.reconcile.RetryPolicy;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.SqliteDatabase;
import dev.moat.resources.ResourcesProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One running local cloud: the application object everything hangs off (no static state, so a test
 * can run two in one JVM). Build with {@link #start}, stop with {@link #close}.
 */
public final class MoatCloud implements AutoCloseable {
  private static final int MAX_ARM_BODY_BYTES = 4 * 1024 * 1024;

  private final MoatSettings settings;
  private final DataDirectory dataDirectory;
  private final SqliteDatabase database;
  private final ExecutorScheduler scheduler;
  private final ReconcileEngine engine;
  private final MoatHttpServer http;
  private final LocalCertificateAuthority ca;
  private final Tenancy tenancy;

  private MoatCloud(MoatSettings settings, Clock clock) throws Exception {
    this.settings = settings;
    this.dataDirectory = DataDirectory.lock(settings.dataDir());
    try {
      this.tenancy = Tenancy.defaults();
      this.ca = LocalCertificateAuthority.loadOrCreate(settings.dataDir(), clock);
      TokenService tokens = TokenService.loadOrCreate(settings.dataDir(), clock);
      this.database =
          SqliteDatabase.open(settings.dataDir().resolve("moat.db"), settings.syncEveryCommit());
      ResourceDocuments documents = new ResourceDocuments(database, clock);
      OperationRepository operations = new OperationRepository(database, clock);
      this.scheduler = new ExecutorScheduler();
      this.engine = new ReconcileEngine(operations, scheduler, RetryPolicy.defaults(), 4);
      LongRunningOperations lro = new LongRunningOperations(operations, engine);
      Regions regions = Regions.azurePublicCloud();

      List<ResourceProvider> providers =
          List.of(
              new TenancyProvider(tenancy, regions),
              new ResourcesProvider(documents, regions, lro, clock, settings.provisioningDelay()));
      List<ArmOperation> table = new ArrayList<>();
      for (ResourceProvider p : providers) {
        table.addAll(p.operations());
        p.reconcilers().forEach(engine::register);
      }
      ClientDirectory clients =
          settings.strictAuth()
              ? ClientDirectory.strict(
                  tenancy.tenantId(), settings.dataDir().resolve("principals.json"))
              : ClientDirectory.open(tenancy.tenantId());
      ArmFrontDoor arm =
          new ArmFrontDoor(
              new OperationTable(table), new Authenticator(tokens), tenancy, operations, clock);
      StsService sts = new StsService(tokens, clients, tenancy);
      HostDispatcher dispatcher =
          new HostDispatcher(
              List.of(new HostDispatcher.Route(call -> StsService.handles(call.path()), sts)), arm);
      this.http =
          new MoatHttpServer(
              settings.host(),
              settings.port(),
              ca.issueKeyStore(List.of("localhost", settings.host(), "127.0.0.1")),
              new JettyHttpAdapter(dispatcher, MAX_ARM_BODY_BYTES));
    } catch (Exception | Error e) {
      dataDirectory.close();
      throw e;
    }
  }

  /** Starts a cloud: opens the store, resumes unfinished operations, listens. */
  public static MoatCloud start(MoatSettings settings) throws Exception {
    return start(settings, Clock.systemUTC());
  }

  public static MoatCloud start(MoatSettings settings, Clock clock) throws Exception {
    MoatCloud cloud = new MoatCloud(settings, clock);
    try {
      cloud.engine.start();
      cloud.http.start();
      cloud.dataDirectory.publish(cloud.endpoint(), cloud.ca.certificatePem());
      return cloud;
    } catch (Exception e) {
      cloud.close();
      throw e;
    }
  }

  /** The HTTPS base URL, e.g. {@code https://127.0.0.1:8443}. */
  public String endpoint() {
    return "https://" + settings.host() + ":" + http.port();
  }

  public int port() {
    return http.port();
  }

  public Tenancy tenancy() {
    return tenancy;
  }

  /** The local CA certificate (PEM) clients must trust. */
  public String caPem() {
    return ca.certificatePem();
  }

  public MoatSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    http.close();
    engine.close();
    scheduler.close();
    database.close();
    try {
      dataDirectory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
