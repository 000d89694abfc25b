package dev.moat.cli.options;

import java.util.List;
import java.util.function.Function;

/**
 * One option of one command, as az's parser declares it: its spellings (the long name first), how
 * its value is read, az's default and requiredness, az's validator, and the help line. A command's
 * options are a list of these, so adding an option is one line:
 *
 * <pre>{@code
 * Opt.integer("--min-count").range(0, 1000).help("Minimum nodes for the cluster autoscaler."),
 * Opt.choice("--mode", "System", "User", "Gateway").def("User").help("The node pool's mode."),
 * }</pre>
 *
 * <p>An option Moat cannot honour is still declared, with {@link #unsupported(String)} and the
 * reason: az users get that reason instead of {@code unrecognized arguments}.
 *
 * @param names the spellings, long name first (az prints them in this order in its messages)
 * @param kind how the value is read
 * @param choices the allowed values of an enum, in az's canonical spelling; empty otherwise
 * @param defaultValue the client-side default, or null when the server decides
 * @param isRequired whether az's parser requires the option
 * @param check az's validator: the error message for a (converted, non-null) value, or null
 * @param unsupported why Moat does not support the option, or null when it does
 * @param help the help line
 */
public record Opt(
    List<String> names,
    Kind kind,
    List<String> choices,
    String defaultValue,
    boolean isRequired,
    Function<Object, String> check,
    String unsupported,
    String help) {

  /** How az's parser reads the option's value. */
  public enum Kind {
    /** One string. */
    STR("1"),
    /** One integer ({@code invalid int value}). */
    INT("1"),
    /** One float ({@code invalid float value}). */
    FLOAT("1"),
    /** {@code store_true}: no value. */
    FLAG("0"),
    /** A three-state flag: bare is true, else a true/false word. */
    BOOL("0..1"),
    /** One value from {@link Opt#choices}, matched case-insensitively. */
    CHOICE("1"),
    /** {@code nargs='+'}: one or more space-separated values. */
    LIST("1..*"),
    /** {@code nargs='*'}: key[=value] pairs or values, possibly none ({@code --tags ""}). */
    LIST0("0..*");

    final String arity;

    Kind(String arity) {
      this.arity = arity;
    }
  }

  public Opt {
    names = List.copyOf(names);
    choices = List.copyOf(choices);
  }

  private static Opt of(Kind kind, String... names) {
    return new Opt(List.of(names), kind, List.of(), null, false, null, null, "");
  }

  public static Opt str(String... names) {
    return of(Kind.STR, names);
  }

  public static Opt integer(String... names) {
    return of(Kind.INT, names);
  }

  public static Opt decimal(String... names) {
    return of(Kind.FLOAT, names);
  }

  public static Opt flag(String... names) {
    return of(Kind.FLAG, names);
  }

  public static Opt bool(String... names) {
    return of(Kind.BOOL, names);
  }

  public static Opt list(String... names) {
    return of(Kind.LIST, names);
  }

  /** A {@code key[=value] ...} option such as {@code --tags} or {@code --labels}. */
  public static Opt kv(String... names) {
    return of(Kind.LIST0, names);
  }

  /** An enum option; give its spellings with {@link #values}. */
  public static Opt choice(String name, String... values) {
    return new Opt(List.of(name), Kind.CHOICE, List.of(values), null, false, null, null, "");
  }

  /** The other spellings of the option (short ones included). */
  public Opt aliases(String... more) {
    List<String> all = new java.util.ArrayList<>(names);
    all.addAll(List.of(more));
    return new Opt(all, kind, choices, defaultValue, isRequired, check, unsupported, help);
  }

  public Opt def(String value) {
    return new Opt(names, kind, choices, value, isRequired, check, unsupported, help);
  }

  public Opt required() {
    return new Opt(names, kind, choices, defaultValue, true, check, unsupported, help);
  }

  public Opt help(String text) {
    return new Opt(names, kind, choices, defaultValue, isRequired, check, unsupported, text);
  }

  /** az's validator: {@code rule} returns the error message for a bad value, else null. */
  @SuppressWarnings("unchecked")
  public <T> Opt check(Function<T, String> rule) {
    return new Opt(
        names,
        kind,
        choices,
        defaultValue,
        isRequired,
        (Function<Object, String>) (Function<?, String>) rule,
        unsupported,
        help);
  }

  /**
   * An integer range check with az's message ({@code --min-count must be in the range [0,1000]}).
   */
  public Opt range(int min, int max) {
    return check(
        (Integer v) ->
            v < min || v > max ? name() + " must be in the range [" + min + "," + max + "]" : null);
  }

  /** Declares the option as one Moat does not support, and why. */
  public Opt unsupported(String reason) {
    return new Opt(names, kind, choices, defaultValue, isRequired, check, reason, help);
  }

  /** The long name, az's destination key for the option. */
  public String name() {
    return names.get(0);
  }

  /** az's spelling of the option in messages: long names first, then short ones, joined by /. */
  public String azName() {
    List<String> ordered = new java.util.ArrayList<>();
    names.stream().filter(n -> n.startsWith("--")).forEach(ordered::add);
    names.stream().filter(n -> !n.startsWith("--")).forEach(ordered::add);
    return String.join("/", ordered);
  }
}
