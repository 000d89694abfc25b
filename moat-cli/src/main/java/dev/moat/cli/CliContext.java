package dev.moat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.config.Credentials;
import dev.moat.cli.config.Extensions;
import dev.moat.cli.config.MoatHome;
import dev.moat.cli.config.ServerLocation;
import dev.moat.cli.config.ServicePrincipalTokens;
import dev.moat.cli.config.Subscriptions;
import dev.moat.cli.http.ArmSession;
import dev.moat.cli.http.Log;
import dev.moat.cli.http.Pacer;
import dev.moat.cli.http.Transport;
import dev.moat.cli.http.UrlConnectionTransport;
import dev.moat.cli.output.OutputFormat;
import dev.moat.cli.output.ResultPrinter;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Everything one CLI invocation works with: environment, streams, {@code $MOAT_HOME}, the global
 * options (set while parsing) and, built on first use, the ARM session. One per run, so many runs
 * can share a JVM.
 */
public final class CliContext {
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final MoatHome home;
  private final Function<ServerLocation, Transport> transports;
  private final Function<Log, Pacer> pacers;
  private final Clock clock;
  private final Terminal terminal;

  private OutputFormat output = OutputFormat.JSON;
  private boolean outputGiven;
  private String query;
  private boolean onlyShowErrors;
  private boolean verbose;
  private boolean debug;
  private String subscriptionOverride;

  private ServerLocation location;
  private Transport transport;
  private ArmSession session;
  private String subscriptionId;

  CliContext(
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      Function<ServerLocation, Transport> transports,
      Function<Log, Pacer> pacers,
      Clock clock) {
    this(env, out, err, transports, pacers, clock, Terminal.none());
  }

  CliContext(
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      Function<ServerLocation, Transport> transports,
      Function<Log, Pacer> pacers,
      Clock clock,
      Terminal terminal) {
    this.terminal = terminal;
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
    this.home = MoatHome.from(env);
    this.transports = transports;
    this.pacers = pacers;
    this.clock = clock;
  }

  /** The production wiring: JDK HTTPS trusting Moat's CA, real waits, progress on a terminal. */
  static CliContext system(Map<String, String> env, PrintStream out, PrintStream err) {
    return system(env, out, err, Terminal.system(err, System.in));
  }

  /** The production wiring with the given terminal for prompts. */
  static CliContext system(
      Map<String, String> env, PrintStream out, PrintStream err, Terminal prompts) {
    // A console means stdin/stdout are a terminal; progress also needs stderr to be the real one.
    boolean terminal = err == System.err && System.console() != null;
    return new CliContext(
        env,
        out,
        err,
        loc -> UrlConnectionTransport.trusting(loc.caPem()),
        log -> Pacer.system(err, terminal),
        Clock.systemUTC(),
        prompts);
  }

  public Map<String, String> env() {
    return env;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public MoatHome home() {
    return home;
  }

  public Terminal terminal() {
    return terminal;
  }

  /** The user's home directory: {@code $HOME}, else the JVM's {@code user.home}. */
  public java.nio.file.Path userHome() {
    String home = env.get("HOME");
    return java.nio.file.Path.of(
        home != null && !home.isBlank() ? home : System.getProperty("user.home"));
  }

  public Clock clock() {
    return clock;
  }

  public Log log() {
    return new Log(err, onlyShowErrors, verbose, debug);
  }

  public Extensions extensions() {
    return new Extensions(home);
  }

  void setOutput(OutputFormat output) {
    this.output = output;
    this.outputGiven = true;
  }

  /** True when the user chose {@code -o}: commands that print text by default then print data. */
  public boolean outputGiven() {
    return outputGiven;
  }

  void setQuery(String query) {
    this.query = query;
  }

  void setOnlyShowErrors(boolean v) {
    this.onlyShowErrors = v;
  }

  void setVerbose(boolean v) {
    this.verbose = v;
  }

  void setDebug(boolean v) {
    this.debug = v;
  }

  void setSubscription(String s) {
    this.subscriptionOverride = s;
  }

  /** Prints a result with {@code --query} and {@code --output} applied. */
  public void print(JsonNode result) {
    print(result, null);
  }

  /** Prints a resource with its {@code properties} flattened, as az prints SDK models. */
  public void printResource(JsonNode result) {
    print(dev.moat.cli.output.Flatten.properties(result));
  }

  /** Prints a result; {@code tableTransform} is the command's az table transformer. */
  public void print(JsonNode result, UnaryOperator<JsonNode> tableTransform) {
    new ResultPrinter(output, query).print(result, tableTransform, out);
  }

  /** The server location; throws the "no Moat server" error when none is configured. */
  public ServerLocation server() {
    if (location == null) {
      location = ServerLocation.find(env, home);
    }
    return location;
  }

  public Transport transport() {
    if (transport == null) {
      transport = transports.apply(server());
    }
    return transport;
  }

  public ServicePrincipalTokens tokens() {
    return new ServicePrincipalTokens(
        home, server().endpoint(), transport(), Credentials.load(home), clock);
  }

  /** The ARM session, signed in as the stored (or default) service principal. */
  public ArmSession session() {
    if (session == null) {
      Log log = log();
      session = new ArmSession(server().endpoint(), transport(), tokens(), log, pacers.apply(log));
    }
    return session;
  }

  public Subscriptions subscriptions() {
    return new Subscriptions(home, server().endpoint());
  }

  /** The subscription commands act in: {@code --subscription}, else the default one. */
  public String subscriptionId() {
    if (subscriptionId == null) {
      subscriptionId =
          subscriptionOverride != null
              ? subscriptions().find(session(), subscriptionOverride).id()
              : subscriptions().current(session()).id();
    }
    return subscriptionId;
  }
}
