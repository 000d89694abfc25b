package dev.moat.cli.options;

import dev.moat.cli.CliException;
import dev.moat.cli.commands.Choices;
import dev.moat.cli.commands.Flags;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The values of one command line, read against the command's {@link Opt} table the way az's parser
 * reads them: type conversion and enums first (usage errors, exit 2), then az's validators (exit
 * 1), with defaults filled in. Values are keyed by the option's long name.
 */
public final class Args {
  private final Map<String, Object> values;
  private final java.util.Set<String> given;

  private Args(Map<String, Object> values, java.util.Set<String> given) {
    this.values = values;
    this.given = given;
  }

  /** Reads {@code parsed} against {@code options}; {@code prog} prefixes az's enum messages. */
  public static Args read(String prog, List<Opt> options, ParseResult parsed) {
    Map<String, Object> values = new HashMap<>();
    java.util.Set<String> given = new java.util.HashSet<>();
    for (Opt o : options) {
      OptionSpec spec = parsed.matchedOption(o.name());
      if (spec == null) {
        if (o.defaultValue() != null) {
          values.put(o.name(), convert(prog, o, List.of(o.defaultValue())));
        }
        continue;
      }
      if (o.unsupported() != null) {
        throw CliException.usage(
            "argument " + o.azName() + ": not supported by Moat: " + o.unsupported());
      }
      List<String> raw = spec.stringValues();
      given.add(o.name());
      values.put(o.name(), convert(prog, o, raw));
    }
    for (Opt o : options) {
      Object v = values.get(o.name());
      if (o.check() != null && v != null && given.contains(o.name())) {
        String error = o.check().apply(v);
        if (error != null) {
          throw CliException.command(error);
        }
      }
    }
    return new Args(values, given);
  }

  private static Object convert(String prog, Opt o, List<String> raw) {
    String one = raw.isEmpty() ? null : raw.get(raw.size() - 1);
    switch (o.kind()) {
      case FLAG:
        return Boolean.TRUE;
      case BOOL:
        return one == null ? Boolean.TRUE : Flags.bool(prog, o.name(), one);
      case INT:
        try {
          return Integer.valueOf(one.trim());
        } catch (NumberFormatException e) {
          throw invalid(o, "int", one);
        }
      case FLOAT:
        try {
          return Double.valueOf(one.trim());
        } catch (NumberFormatException e) {
          throw invalid(o, "float", one);
        }
      case CHOICE:
        return new Choices(o.name(), o.choices()).parse(prog, one);
      case LIST:
      case LIST0:
        return List.copyOf(raw);
      default:
        return one;
    }
  }

  private static CliException invalid(Opt o, String type, String value) {
    return CliException.usage(
        "argument " + o.azName() + ": invalid " + type + " value: '" + value + "'");
  }

  /** Whether the user gave the option (a default does not count). */
  public boolean given(String name) {
    return given.contains(name);
  }

  /** The option's value (or default), or null. */
  public String str(String name) {
    Object v = values.get(name);
    return v == null ? null : v.toString();
  }

  public Integer integer(String name) {
    return (Integer) values.get(name);
  }

  public Double decimal(String name) {
    return (Double) values.get(name);
  }

  /** A flag's or three-state flag's value; null when neither given nor defaulted. */
  public Boolean bool(String name) {
    return (Boolean) values.get(name);
  }

  /** True when a flag was given (or a three-state flag said true). */
  public boolean on(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  /** A list option's values, or null when it was not given. */
  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    return (List<String>) values.get(name);
  }

  /** az's lower-cased spelling check for values that must be given in lower case. */
  public static String lowerCaseOnly(String option, String value) {
    return value.equals(value.toLowerCase(Locale.ROOT))
        ? null
        : option + " should be provided in lowercase";
  }
}
