package dev.moat.cli;

import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.options.TableCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of Moat's az-compatible command line: {@code az() { ./moat "$@"; }} and the seed's
 * commands run unchanged. Holds no static state, so tests run it many times in one JVM.
 */
public final class MoatCli {
  private MoatCli() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.getenv(), out, err));
  }

  /** Runs one command; returns az's exit code (0 ok, 1 error, 2 usage error, 3 show not found). */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, CliContext.system(env, out, err));
  }

  /**
   * Runs one command with {@code terminal} answering az's prompts (as a user at a terminal would);
   * for in-process callers.
   */
  public static int run(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err, Terminal terminal) {
    return run(args, CliContext.system(env, out, err, terminal));
  }

  static int run(String[] args, CliContext context) {
    CommandLine cli = commandLine(context, args);
    try {
      return cli.execute(args);
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  static CommandLine commandLine(CliContext context, String[] args) {
    ContextFactory factory = new ContextFactory(context);
    CommandLine cli = new CommandLine(new AzCommand(context), factory);
    Class<?> named = firstWord(args).map(AzCommand.GROUPS::get).orElse(null);
    if (named != null) {
      cli.addSubcommand(new CommandLine(named, factory));
    } else {
      AzCommand.GROUPS.values().forEach(c -> cli.addSubcommand(new CommandLine(c, factory)));
    }
    attachTableCommands(cli);
    // az never takes an option-like word as a value: `--address-prefixes 10.0.0.0/24 --bogus`
    // reports --bogus instead of sending it as a prefix.
    cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
    cli.setOut(new PrintWriter(context.out(), true));
    cli.setErr(new PrintWriter(context.err(), true));
    cli.setAbbreviatedOptionsAllowed(false);
    cli.setParameterExceptionHandler(new ErrorHandler(context));
    cli.setExecutionExceptionHandler(new ErrorHandler(context));
    AzHelp.install(cli);
    return cli;
  }

  /** Adds each group's {@link TableCommand}s below it, through the whole tree. */
  private static void attachTableCommands(CommandLine line) {
    if (line.getCommand() instanceof CommandGroup group) {
      for (TableCommand command : group.tableCommands()) {
        line.addSubcommand(command.name(), command.commandLine());
      }
    }
    for (CommandLine sub : line.getSubcommands().values().stream().distinct().toList()) {
      attachTableCommands(sub);
    }
  }

  /** The first argument that is not an option: the command group a command line names. */
  private static java.util.Optional<String> firstWord(String[] args) {
    return java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst();
  }

  /** Gives command classes the run's {@link CliContext} through their constructor. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return cls.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
