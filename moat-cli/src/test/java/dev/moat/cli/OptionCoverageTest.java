package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The CLI's option tables against az's: every option az has for each command Moat implements
 * ({@code az-options.tsv}, extracted from the reference {@code az-options.md} by {@code
 * moat-cli/tools/extract-az-options.py}) is either an option of the command or listed in {@code
 * unsupported-options.tsv} with a reason.
 */
class OptionCoverageTest {
  /**
   * Commands az has that Moat's CLI does not: other work items add the first ones (they are checked
   * once they exist); the others are not implemented, for the reason given.
   */
  private static final Map<String, String> NOT_HERE =
      Map.of(
          "acr import", "added by the registry-import work",
          "aks command invoke", "added by the doctor work",
          "aks check-acr", "added by the node-registry work",
          "acr login", "Moat's CLI does not drive a local docker or podman credential store",
          "acr credential-set create",
              "not in the CLI yet; the server serves credentialSets (use az rest)",
          "acr credential-set show",
              "not in the CLI yet; the server serves credentialSets (use az rest)",
          "acr credential-set list",
              "not in the CLI yet; the server serves credentialSets (use az rest)",
          "acr credential-set delete",
              "not in the CLI yet; the server serves credentialSets (use az rest)");

  record AzOption(String command, String option) {}

  @Test
  void everyAzOptionIsAcceptedOrListedAsUnsupported() throws IOException {
    Map<String, Set<String>> cli = cliOptions();
    Map<String, Map<String, String>> unsupported = Unsupported.table();
    List<String> missing = new ArrayList<>();
    int covered = 0;
    int listed = 0;
    for (AzOption o : azOptions()) {
      Set<String> names = cli.get(o.command());
      if (names == null) {
        if (!NOT_HERE.containsKey(o.command())) {
          missing.add(o.command() + " (the command)");
        }
        continue;
      }
      if (names.contains(o.option())) {
        covered++;
      } else if (unsupported.getOrDefault(o.command(), Map.of()).containsKey(o.option())) {
        listed++;
      } else {
        missing.add(o.command() + " " + o.option());
      }
    }
    System.out.printf(
        "az options: %d covered by the CLI, %d listed as unsupported, %d commands%n",
        covered, listed, cli.size());
    assertThat(new TreeSet<>(missing)).as("az options the CLI neither has nor lists").isEmpty();
  }

  @Test
  void everyUnsupportedEntryHasAReasonAndIsNotAlsoAnOption() {
    Map<String, Set<String>> cli = cliOptions();
    Unsupported.table()
        .forEach(
            (command, options) ->
                options.forEach(
                    (option, reason) -> {
                      assertThat(reason).as(command + " " + option).isNotBlank();
                      assertThat(cli.getOrDefault(command, Set.of()))
                          .as(command + " " + option + " is both an option and unsupported")
                          .doesNotContain(option);
                    }));
  }

  /** Every command of the CLI (qualified without "az "), with its option spellings. */
  static Map<String, Set<String>> cliOptions() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CliContext context = CliContext.system(Map.of("MOAT_HOME", "/nonexistent"), sink, sink);
    CommandLine root = MoatCli.commandLine(context, new String[0]);
    Map<String, Set<String>> options = new LinkedHashMap<>();
    collect(root, options);
    return options;
  }

  private static void collect(CommandLine line, Map<String, Set<String>> into) {
    String name = line.getCommandSpec().qualifiedName();
    if (line.getSubcommands().isEmpty() && name.startsWith("az ")) {
      Set<String> names = new TreeSet<>();
      for (OptionSpec o : line.getCommandSpec().options()) {
        names.addAll(List.of(o.names()));
      }
      into.put(name.substring(3), names);
    }
    line.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
  }

  static List<AzOption> azOptions() throws IOException {
    try (InputStream in = OptionCoverageTest.class.getResourceAsStream("/az-options.tsv")) {
      List<AzOption> rows = new ArrayList<>();
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .skip(1)
          .map(l -> l.split("\t"))
          .forEach(c -> rows.add(new AzOption(c[0], c[1])));
      return rows;
    }
  }
}
