package dev.moat.cli;

import dev.moat.cli.commands.AccountCommand;
import dev.moat.cli.commands.AcrCommand;
import dev.moat.cli.commands.CloudCommand;
import dev.moat.cli.commands.ExtensionCommand;
import dev.moat.cli.commands.GroupCommand;
import dev.moat.cli.commands.IdentityCommand;
import dev.moat.cli.commands.LoginCommand;
import dev.moat.cli.commands.RestCommand;
import dev.moat.cli.commands.RoleCommand;
import dev.moat.cli.commands.aks.AksCommand;
import dev.moat.cli.commands.network.NetworkCommand;
import dev.moat.cli.output.OutputFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code az} command. Its options are az's global arguments, inherited by every command
 * (so {@code -o tsv} may come anywhere); their setters record the values in the run's {@link
 * CliContext}.
 */
@Command(name = "az", description = "Moat's az-compatible command line.")
public final class AzCommand implements Runnable {
  /**
   * The command groups, by name. They are added to the command line on demand: picocli builds the
   * model of every command it is given, reflectively, and each invocation is a new JVM, so only the
   * group a command line names is built (all of them for root help or an unknown name).
   */
  static final Map<String, Class<?>> GROUPS = groups();

  private static Map<String, Class<?>> groups() {
    Map<String, Class<?>> groups = new LinkedHashMap<>();
    for (Class<?> c :
        List.of(
            GroupCommand.class,
            RestCommand.class,
            LoginCommand.class,
            LoginCommand.Logout.class,
            AccountCommand.class,
            CloudCommand.class,
            ExtensionCommand.class,
            NetworkCommand.class,
            IdentityCommand.class,
            RoleCommand.class,
            AcrCommand.class,
            AksCommand.class)) {
      groups.put(c.getAnnotation(Command.class).name(), c);
    }
    return Collections.unmodifiableMap(groups);
  }

  private final CliContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  public AzCommand(CliContext context) {
    this.context = context;
  }

  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description =
          "Output format.  Allowed values: json, jsonc, none, table, tsv, yaml, yamlc.  Default:"
              + " json.")
  void output(String value) {
    context.setOutput(OutputFormat.parse(value));
  }

  @Option(
      names = "--query",
      scope = ScopeType.INHERIT,
      paramLabel = "JMESPATH",
      description =
          "JMESPath query string. See http://jmespath.org/ for more information and" + " examples.")
  void query(String value) {
    context.setQuery(value);
  }

  @Option(
      names = "--only-show-errors",
      scope = ScopeType.INHERIT,
      description = "Only show errors, suppressing warnings.")
  void onlyShowErrors(boolean value) {
    context.setOnlyShowErrors(value);
  }

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Increase logging verbosity. Use --debug for full debug logs.")
  void verbose(boolean value) {
    context.setVerbose(value);
  }

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Increase logging verbosity to show all debug logs.")
  void debug(boolean value) {
    context.setDebug(value);
  }

  @Option(
      names = "--subscription",
      scope = ScopeType.INHERIT,
      paramLabel = "ID",
      description =
          "Name or ID of subscription. You can configure the default subscription using"
              + " `az account set -s NAME_OR_ID`.")
  void subscription(String value) {
    context.setSubscription(value);
  }

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }
}
