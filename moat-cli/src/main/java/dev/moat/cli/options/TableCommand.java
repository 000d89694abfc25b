package dev.moat.cli.options;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command whose options are a table of {@link Opt}s rather than picocli annotations: its name,
 * one-line description, options and the code that runs with the read {@link Args}. A command group
 * lists these in {@code CommandGroup.tableCommands()}; annotated command methods keep working next
 * to them.
 *
 * @param name the subcommand's name ({@code add}, {@code show}, ...)
 * @param description az's one-line summary
 * @param options the options, in help order
 * @param handler what the command does; returns the exit code
 */
public record TableCommand(String name, String description, List<Opt> options, Handler handler) {
  /** A command's body. */
  @FunctionalInterface
  public interface Handler {
    int run(Args args);
  }

  public TableCommand {
    options = List.copyOf(options);
  }

  /** The picocli model of this command: one option per {@link Opt}, values read as strings. */
  public CommandLine commandLine() {
    Runner runner = new Runner(this);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(runner);
    spec.name(name);
    spec.usageMessage().description(description);
    for (Opt o : options) {
      spec.addOption(optionSpec(o));
    }
    runner.spec = spec;
    return new CommandLine(spec);
  }

  private static OptionSpec optionSpec(Opt o) {
    OptionSpec.Builder b =
        OptionSpec.builder(o.names().toArray(String[]::new))
            .arity(o.kind().arity)
            .required(o.isRequired())
            .description(description(o))
            .paramLabel(o.name().substring(2).toUpperCase(java.util.Locale.ROOT));
    switch (o.kind()) {
      case FLAG -> b.type(boolean.class);
      case LIST, LIST0 -> b.type(List.class).auxiliaryTypes(String.class);
      default -> b.type(String.class);
    }
    return b.build();
  }

  private static String description(Opt o) {
    StringBuilder text = new StringBuilder(o.help());
    if (!o.choices().isEmpty()) {
      text.append("  Allowed values: ").append(String.join(", ", o.choices())).append('.');
    }
    if (o.defaultValue() != null) {
      text.append("  Default: ").append(o.defaultValue()).append('.');
    }
    if (o.unsupported() != null) {
      text.append("  Not supported by Moat: ").append(o.unsupported());
    }
    return text.toString().strip();
  }

  /** Runs the handler with the parsed line; picocli calls it once the line has parsed. */
  private static final class Runner implements Callable<Integer> {
    private final TableCommand command;
    private CommandSpec spec;

    Runner(TableCommand command) {
      this.command = command;
    }

    @Override
    public Integer call() {
      CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
      return command.handler.run(Args.read(spec.qualifiedName(), command.options, parsed));
    }
  }
}
