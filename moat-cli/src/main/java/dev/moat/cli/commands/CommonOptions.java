package dev.moat.cli.commands;

import dev.moat.cli.options.Opt;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options many commands declare alike, as picocli mixins (jib-cli's {@code CommonCliOptions}): one
 * declaration, so az's flag names and help text are changed in one place.
 */
public final class CommonOptions {
  private CommonOptions() {}

  /** {@code --resource-group/-g}, required, for option-table commands. */
  public static final Opt GROUP =
      Opt.str("--resource-group", "-g").required().help("Name of resource group.");

  /** {@code --location/-l} of a create, defaulting to the group's (see {@link Arm#locationOr}). */
  public static final Opt LOCATION =
      Opt.str("--location", "-l").help("Location. Default: the resource group's location.");

  /** {@code --tags} for option-table commands. */
  public static final Opt TAGS =
      Opt.kv("--tags")
          .help(
              "Space-separated tags: key[=value] [key[=value] ...]. Use \"\" to clear existing tags.");

  /** {@code --no-wait} for option-table commands. */
  public static final Opt NO_WAIT =
      Opt.flag("--no-wait").help("Do not wait for the long-running operation to finish.");

  /** {@code --no-wait}. */
  public static final class NoWait {
    @Option(
        names = "--no-wait",
        description = "Do not wait for the long-running operation to finish.")
    boolean noWait;

    public boolean value() {
      return noWait;
    }
  }

  /** {@code --yes/-y}, which skips the confirmation prompt. */
  public static final class Yes {
    @Option(
        names = {"--yes", "-y"},
        description = "Do not prompt for confirmation.")
    boolean yes;

    public boolean value() {
      return yes;
    }
  }

  /**
   * The optional {@code -g} and {@code --ids} of show and delete commands, which name a resource by
   * its group and name(s) or by id; the name options belong to each command.
   */
  public static final class GroupOrIds {
    @Option(
        names = {"--resource-group", "-g"},
        description = "Name of resource group.")
    String group;

    @Option(names = "--ids", arity = "1..*", description = "One or more resource IDs.")
    List<String> ids;

    public String group() {
      return group;
    }

    /** The paths to act on: the ids if given, else {@code byName}; see {@link Target#paths}. */
    public List<String> paths(java.util.function.Supplier<String> byName) {
      return Target.paths(ids, byName);
    }
  }

  /** {@code --resource-group/-g}, required: the group a create, update or named command acts in. */
  public static final class Group {
    @Option(
        names = {"--resource-group", "-g"},
        required = true,
        description = "Name of resource group.")
    String group;

    public String value() {
      return group;
    }
  }

  /**
   * {@code --resource-group/-g} where it is optional: a list without it covers the subscription, a
   * registry is found by name.
   */
  public static final class OptionalGroup {
    @Option(
        names = {"--resource-group", "-g"},
        description = "Name of resource group.")
    String group;

    public String value() {
      return group;
    }
  }

  /** {@code --location/-l} of a create, defaulting (in {@link Arm#locationOr}) to the group's. */
  public static final class Location {
    @Option(
        names = {"--location", "-l"},
        description = "Location. Default: the resource group's location.")
    String location;

    public String value() {
      return location;
    }
  }

  /** {@code --tags}: key[=value] pairs; given bare ({@code --tags ""}) it clears the tags. */
  public static final class TagList {
    @Option(
        names = "--tags",
        arity = "0..*",
        description =
            "Space-separated tags: key[=value] [key[=value] ...]. Use \"\" to clear existing tags.")
    List<String> tags;

    public List<String> value() {
      return tags;
    }
  }
}
