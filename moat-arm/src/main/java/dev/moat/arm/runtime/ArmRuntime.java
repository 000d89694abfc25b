package dev.moat.arm.runtime;

import dev.moat.arm.ArmFrontDoor;
import dev.moat.arm.auth.Authenticator;
import dev.moat.arm.auth.ClientDirectory;
import dev.moat.arm.auth.KnownPrincipals;
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
import dev.moat.platform.reconcile.DatabaseWorkLeases;
import dev.moat.platform.reconcile.ExecutorScheduler;
import dev.moat.platform.reconcile.OperationRepository;
import dev.moat.platform.reconcile.ReconcileEngine;
import dev.moat.platform.reconcile.RetryPolicy;
import dev.moat.platform.reconcile.WorkLeases;
import dev.moat.platform.store.Database;
import dev.moat.platform.store.PostgresDatabase;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.SqliteDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Moat control plane: the store, the reconcile engine, the providers an {@link
 * ProviderAssembler} builds, and the HTTPS server in front of them. The application object that
 * everything hangs off: no static state, so tests can run several in one JVM.
 */
public final class ArmRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArmRuntime.class);
  private static final int MAX_ARM_BODY_BYTES = 4 * 1024 * 1024;
  private static final int RECONCILE_WORKERS = 4;

  /**
   * Connections to PostgreSQL: Hikari's advice for a 2-core machine (cores * 2 + 1), at least 5.
   */
  private static final int DATABASE_POOL =
      Math.max(5, Runtime.getRuntime().availableProcessors() * 2 + 1);

  private final MoatSettings settings;
  private final DataDirectory dataDirectory;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final LocalCertificateAuthority ca;
  private final Tenancy tenancy;
  private final ReconcileEngine engine;
  private final String replicaId;
  private final MoatHttpServer http;
  private final List<Consumer<RuntimeInfo>> onStart;

  private ArmRuntime(MoatSettings settings, Clock clock, ProviderAssembler assembler)
      throws Exception {
    this.settings = settings;
    requireStrictAuthBeyondLoopback(settings);
    boolean team = settings.database() != null;
    // A team server's replicas share the data directory (CA, signing key, blobs); a single
    // server holds it alone.
    this.dataDirectory =
        team ? DataDirectory.join(settings.dataDir()) : DataDirectory.lock(settings.dataDir());
    resources.add(dataDirectory);
    this.tenancy = Tenancy.defaults();
    this.ca =
        dataDirectory.initialise(
            () -> LocalCertificateAuthority.loadOrCreate(settings.dataDir(), clock));
    TokenService tokens =
        dataDirectory.initialise(() -> TokenService.loadOrCreate(settings.dataDir(), clock));
    Database database =
        team
            ? PostgresDatabase.open(settings.database(), DATABASE_POOL, settings.syncEveryCommit())
            : SqliteDatabase.open(
                settings.dataDir().resolve("moat.db"), settings.syncEveryCommit());
    resources.add(database);
    ResourceDocuments documents = new ResourceDocuments(database, clock);
    OperationRepository operations = new OperationRepository(database, clock);
    ExecutorScheduler scheduler = new ExecutorScheduler();
    resources.add(scheduler);
    this.replicaId = UUID.randomUUID().toString();
    WorkLeases leases =
        team
            ? new DatabaseWorkLeases(database, clock, replicaId, DatabaseWorkLeases.DEFAULT_TTL)
            : WorkLeases.local();
    this.engine =
        new ReconcileEngine(
            operations, scheduler, RetryPolicy.defaults(), RECONCILE_WORKERS, leases);
    resources.add(engine);
    documents.changes().subscribe(engine::changed); // wakes reconciles waiting on a resource
    // Another replica's write to a resource this one reconciles may be a new operation for it.
    documents.changes().subscribeElsewhere(engine::changedElsewhere);
    Regions regions = Regions.azurePublicCloud();
    KnownPrincipals principals = new KnownPrincipals(database, clock);
    InternalArm internalArm =
        new InternalArm("https://" + settings.host() + ":" + Math.max(settings.port(), 1));
    ProviderContext context =
        new ProviderContext(
            settings,
            clock,
            database,
            documents,
            new LongRunningOperations(operations, engine),
            regions,
            tenancy,
            tokens,
            ca,
            principals,
            internalArm,
            leases);

    ProviderAssembler.Assembly assembly = assembler.assemble(context);
    resources.addAll(assembly.closeables());
    List<ResourceProvider> providers = new ArrayList<>();
    providers.add(new TenancyProvider(tenancy, regions));
    providers.addAll(assembly.providers());
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
    tokens.admitOnly(clients::admits); // strict: unlisted service principals get 401 everywhere
    OperationTable operationTable = new OperationTable(table);
    internalArm.bind(operationTable);
    ArmFrontDoor arm =
        new ArmFrontDoor(
            operationTable,
            new Authenticator(tokens),
            tenancy,
            operations,
            clock,
            group -> documents.get(group).isPresent());
    List<HostDispatcher.Route> routes = new ArrayList<>(assembly.routes());
    routes.add(
        new HostDispatcher.Route(
            call -> StsService.handles(call.path()),
            new StsService(tokens, clients, tenancy, principals)));
    List<Handler> handlers = new ArrayList<>(assembly.handlers());
    handlers.add(new JettyHttpAdapter(new HostDispatcher(routes, arm), MAX_ARM_BODY_BYTES));
    this.http =
        new MoatHttpServer(
            settings.host(),
            settings.port(),
            ca.issueKeyStore(
                List.of(
                    "localhost",
                    settings.host(),
                    "127.0.0.1",
                    "*.azurecr.io",
                    "*.data.azurecr.io",
                    "mcr.microsoft.com",
                    "*.data.mcr.microsoft.com",
                    "*.hcp." + "azmk8s.io")),
            new Handler.Sequence(handlers));
    this.onStart = assembly.onStart();
  }

  /**
   * A server reachable beyond loopback is a security boundary: open authentication (any client id
   * and secret gets a token) is refused there, before anything listens.
   */
  static void requireStrictAuthBeyondLoopback(MoatSettings settings) {
    if (!settings.strictAuth() && !MoatSettings.isLoopback(settings.host())) {
      throw new IllegalArgumentException(
          "refusing to listen on "
              + settings.host()
              + " without --strict-auth: beyond loopback, only the principals listed in "
              + settings.dataDir().resolve("principals.json")
              + " may get tokens (add --strict-auth, or listen on 127.0.0.1)");
    }
  }

  /** Opens the store, builds the providers, resumes unfinished operations and listens. */
  public static ArmRuntime start(MoatSettings settings, Clock clock, ProviderAssembler assembler)
      throws Exception {
    ArmRuntime runtime = null;
    try {
      runtime = new ArmRuntime(settings, clock, assembler);
      runtime.engine.start();
      runtime.http.start();
      RuntimeInfo info =
          new RuntimeInfo(runtime.endpoint(), runtime.clientTrust(), runtime.http::openListener);
      for (Consumer<RuntimeInfo> hook : runtime.onStart) {
        hook.accept(info);
      }
      runtime.dataDirectory.publish(runtime.endpoint(), runtime.ca.certificatePem());
      return runtime;
    } catch (Exception | Error e) {
      if (runtime != null) {
        runtime.close();
      }
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

  /** An SSL context trusting exactly Moat's CA. */
  public SSLContext clientTrust() {
    return ca.clientTrust();
  }

  /** The local CA certificate (PEM) clients must trust. */
  public String caPem() {
    return ca.certificatePem();
  }

  public MoatSettings settings() {
    return settings;
  }

  /** This process's id among the replicas of a team server (the owner of its work leases). */
  public String replicaId() {
    return replicaId;
  }

  /** Stops listening, then closes what was opened, newest first. */
  @Override
  public void close() {
    if (http != null) {
      try {
        http.close();
      } catch (RuntimeException e) {
        LOG.warn("error while stopping the HTTP server", e);
      }
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("error while stopping {}", resources.get(i), e);
      }
    }
  }
}
