package dev.moat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns parse and run failures into az's stderr text and exit codes: unknown commands and
 * arguments, missing arguments (2), {@link CliException}s (their own code) and anything unexpected
 * (1, with the stack trace under {@code --debug}).
 */
final class ErrorHandler
    implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  private final CliContext context;

  ErrorHandler(CliContext context) {
    this.context = context;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CliException cli = findCliException(ex);
    if (cli != null) {
      context.err().println(cli.render());
      return cli.exitCode();
    }
    CommandLine cmd = ex.getCommandLine();
    String prog = cmd.getCommandSpec().qualifiedName();
    String message;
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      if (unmatched.isEmpty()) {
        unmatched = unknownOption(u.getMessage(), args);
      }
      if (!cmd.getSubcommands().isEmpty()
          && !unmatched.isEmpty()
          && !unmatched.get(0).startsWith("-")) {
        message =
            prog
                + ": '"
                + unmatched.get(0)
                + "' is not in the '"
                + prog
                + "' command group. See '"
                + prog
                + " --help'.";
      } else if (unsupported(prog, unmatched) != null) {
        message = unsupported(prog, unmatched);
      } else {
        message =
            "unrecognized arguments: "
                + String.join(" ", unmatched)
                + "\n\nTo learn more about the command, run '"
                + prog
                + " --help'.";
      }
    } else if (ex instanceof CommandLine.MissingParameterException m && missingOptions(m)) {
      message =
          "the following arguments are required: "
              + m.getMissing().stream().map(ErrorHandler::azName).collect(Collectors.joining(", "));
    } else if (ex.getArgSpec() != null) {
      message = "argument " + azName(ex.getArgSpec()) + ": expected one argument";
    } else {
      message = ex.getMessage();
    }
    context.err().println("ERROR: " + message);
    return 2;
  }

  /**
   * An unknown option met where a value was expected (picocli names it only in its message): the
   * option and the values after it, as argparse lists them.
   */
  private static List<String> unknownOption(String message, String[] args) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("'(-[^']*)'").matcher(message);
    if (!m.find()) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    for (int i = java.util.Arrays.asList(args).indexOf(m.group(1));
        i >= 0 && i < args.length;
        i++) {
      if (!found.isEmpty() && args[i].startsWith("-")) {
        break;
      }
      found.add(args[i]);
    }
    return found.isEmpty() ? List.of(m.group(1)) : found;
  }

  /** The reason the first unknown option is not supported, if it is one az has. */
  private static String unsupported(String prog, List<String> unmatched) {
    String command = prog.startsWith("az ") ? prog.substring(3) : prog;
    for (String arg : unmatched) {
      if (arg.startsWith("--") || arg.startsWith("-") && arg.length() == 2) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        String reason = Unsupported.reason(command, name);
        if (reason != null) {
          return "argument " + name + ": not supported by Moat: " + reason;
        }
      }
    }
    return null;
  }

  /** Picocli reports "option given without value" as a missing parameter too; tell them apart. */
  private static boolean missingOptions(CommandLine.MissingParameterException m) {
    return m.getMessage().startsWith("Missing required option")
        || m.getMessage().startsWith("Missing required parameter:");
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    CliException cli = findCliException(ex);
    if (cli != null) {
      context.err().println(cli.render());
      return cli.exitCode();
    }
    context.err().println("ERROR: The command failed with an unexpected error: " + ex);
    if (context.log().isDebug()) {
      ex.printStackTrace(context.err());
    }
    return 1;
  }

  private static CliException findCliException(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CliException e) {
        return e;
      }
    }
    return null;
  }

  /** az names an option by its long names first, then short ones: {@code --name/-n}. */
  static String azName(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o)) {
      return arg.paramLabel();
    }
    List<String> names = new ArrayList<>();
    for (String n : o.names()) {
      if (n.startsWith("--")) {
        names.add(n);
      }
    }
    for (String n : o.names()) {
      if (!n.startsWith("--")) {
        names.add(n);
      }
    }
    return String.join("/", names);
  }
}
