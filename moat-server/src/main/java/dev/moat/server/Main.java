package dev.moat.server;

import dev.moat.arm.runtime.ArmRuntime;
import dev.moat.arm.runtime.MoatSettings;
import dev.moat.cli.MoatCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code moat}: the entry point of the jar. */
@Command(
    name = "moat",
    mixinStandardHelpOptions = true,
    version = "moat 0.1.0",
    description = "A local cloud for Azure's network-isolated AKS workflow.",
    subcommands = {Main.Serve.class})
public final class Main implements Runnable {

  /**
   * {@code moat serve ...} starts the cloud; every other command line is an {@code az} command for
   * the CLI, which talks to a running cloud over its REST API.
   */
  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("serve") || args[0].equals("--version"))) {
      System.exit(new CommandLine(new Main()).execute(args));
    }
    System.exit(MoatCli.run(args, System.getenv(), System.out, System.err));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** {@code moat serve}. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Start the local cloud (HTTPS ARM endpoint) and serve until interrupted.")
  static final class Serve implements Callable<Integer> {
    @Option(
        names = "--port",
        description = "HTTPS port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port = MoatSettings.DEFAULT_PORT;

    @Option(
        names = "--host",
        description =
            "Address the ARM endpoint listens on. Beyond loopback (e.g. 0.0.0.0, for a team"
                + " server) only with --strict-auth. Default: ${DEFAULT-VALUE}.")
    String host = "127.0.0.1";

    @Option(
        names = "--data-dir",
        description = "State directory. Default: $MOAT_HOME, else ~/.moat.")
    Path dataDir;

    @Option(
        names = "--provisioning-delay",
        description = "Minimum duration of long-running operations, e.g. PT2S. Default: none.")
    Duration provisioningDelay = Duration.ZERO;

    @Option(
        names = "--strict-auth",
        description =
            "Issue tokens only to the clients listed in <data-dir>/principals.json (required to"
                + " listen beyond loopback).")
    boolean strictAuth;

    @Option(names = "--sync-commits", description = "fsync every commit (survive power loss).")
    boolean syncCommits;

    @Option(
        names = "--database",
        description =
            "Keep state in PostgreSQL, e.g. postgresql://user:password@host:5432/moat (default:"
                + " $MOAT_DATABASE, else the embedded SQLite file in the data directory).")
    String database;

    @Override
    public Integer call() throws Exception {
      Path dir = dataDir != null ? dataDir : defaultHome();
      if (!MoatSettings.isLoopback(host) && !strictAuth) {
        // Refused before anything binds: open authentication gives any caller a token.
        System.err.println(
            "moat: refusing to listen on "
                + host
                + " without --strict-auth: a server reachable beyond loopback must accept only"
                + " the principals listed in "
                + dir.resolve("principals.json")
                + " (add --strict-auth, or use --host 127.0.0.1)");
        return 2;
      }
      String db = database != null ? database : System.getenv("MOAT_DATABASE");
      if (db != null && db.isBlank()) {
        db = null;
      }
      if (db != null && !db.startsWith("postgres") && !db.startsWith("jdbc:postgresql:")) {
        System.err.println("moat: --database takes a postgresql:// URL, not " + db);
        return 2;
      }
      MoatSettings settings =
          new MoatSettings(host, port, dir, provisioningDelay, strictAuth, syncCommits, db);
      ArmRuntime cloud = MoatCloud.start(settings);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    cloud.close();
                    stopped.countDown();
                  },
                  "moat-shutdown"));
      System.out.println("Moat is serving " + cloud.endpoint());
      if (db != null) {
        System.out.println("  replica:   " + cloud.replicaId());
      }
      System.out.println("  data:      " + dir);
      if (db != null) {
        System.out.println("  database:  " + db.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@"));
      }
      System.out.println("  trust:     " + dir.resolve("ca.pem"));
      System.out.println("  tenant:    " + cloud.tenancy().tenantId());
      System.out.println(
          "  subscription: " + cloud.tenancy().subscriptions().get(0).subscriptionId());
      stopped.await();
      return 0;
    }

    static Path defaultHome() {
      String home = System.getenv("MOAT_HOME");
      return home != null && !home.isBlank()
          ? Path.of(home)
          : Path.of(System.getProperty("user.home"), ".moat");
    }
  }
}
