package dev.moat.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} laid out as az lays it out: a {@code Group} or {@code Command} heading, then
 * {@code Subgroups:}/{@code Commands:} for groups, or {@code Arguments} and {@code Global
 * Arguments} for commands, each entry as {@code name : description} with aligned colons.
 */
final class AzHelp {
  private static final String KEY = "az";

  private AzHelp() {}

  static void install(CommandLine root) {
    Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>();
    sections.put(KEY, help -> render(help.commandSpec()));
    root.setHelpSectionKeys(List.of(KEY));
    root.setHelpSectionMap(sections);
  }

  static String render(CommandSpec spec) {
    StringBuilder out = new StringBuilder("\n");
    boolean group = !spec.subcommands().isEmpty();
    out.append(group ? "Group\n" : "Command\n");
    out.append("    ")
        .append(spec.qualifiedName())
        .append(" : ")
        .append(summary(spec))
        .append('\n');
    if (group) {
      List<String[]> subgroups = new ArrayList<>();
      List<String[]> commands = new ArrayList<>();
      spec.subcommands()
          .forEach(
              (name, sub) -> {
                if (!name.equals(sub.getCommandName())) {
                  return; // an alias
                }
                String[] row = {name, summary(sub.getCommandSpec())};
                (sub.getSubcommands().isEmpty() ? commands : subgroups).add(row);
              });
      section("Subgroups:", subgroups, out);
      section("Commands:", commands, out);
    } else {
      List<String[]> args = new ArrayList<>();
      List<String[]> global = new ArrayList<>();
      for (OptionSpec o : spec.options()) {
        if (o.hidden()) {
          continue;
        }
        String desc = String.join(" ", o.description());
        String[] row = {names(o) + (o.required() ? " [Required]" : ""), desc};
        (o.inherited() || o.usageHelp() ? global : args).add(row);
      }
      section("Arguments", args, out);
      section("Global Arguments", global, out);
    }
    out.append('\n');
    return out.toString();
  }

  private static void section(String title, List<String[]> rows, StringBuilder out) {
    if (rows.isEmpty()) {
      return;
    }
    rows.sort((a, b) -> a[0].compareTo(b[0]));
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    out.append('\n').append(title).append('\n');
    for (String[] r : rows) {
      out.append("    ").append(r[0]).append(" ".repeat(width - r[0].length()));
      out.append(" : ").append(r[1]).append('\n');
    }
  }

  private static String summary(CommandSpec spec) {
    String[] d = spec.usageMessage().description();
    return d.length == 0 ? "" : d[0];
  }

  /** az lists long names before short ones: {@code --resource-group -g}. */
  private static String names(OptionSpec o) {
    List<String> longs = new ArrayList<>();
    List<String> shorts = new ArrayList<>();
    for (String n : o.names()) {
      (n.startsWith("--") ? longs : shorts).add(n);
    }
    longs.addAll(shorts);
    return String.join(" ", longs);
  }
}
