package dev.moat.cli.commands;

import dev.moat.cli.CliException;
import java.util.List;

/** Resolves az's two ways to name a resource: {@code --ids}, or the group and names. */
public final class Target {
  private Target() {}

  /**
   * The paths to act on: the {@code --ids} if given, else {@code byName} (which may throw when a
   * name is missing).
   */
  public static List<String> paths(List<String> ids, java.util.function.Supplier<String> byName) {
    if (ids != null && !ids.isEmpty()) {
      return ids.stream().flatMap(i -> java.util.Arrays.stream(i.trim().split("\\s+"))).toList();
    }
    return List.of(byName.get());
  }

  /** Fails with az's message when a required name is missing (only needed without --ids). */
  public static String require(String value, String names) {
    if (value == null || value.isBlank()) {
      throw CliException.usage(
          "usage error: --ids IDS [IDS ...] | the following arguments are required: " + names);
    }
    return value;
  }

  /** True when {@code value} looks like an ARM resource id rather than a name. */
  public static boolean isId(String value) {
    return value != null && value.startsWith("/subscriptions/");
  }

  /**
   * A well-formed ARM resource id: /subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{t}/{n}.
   */
  public static boolean isResourceId(String value) {
    return value != null
        && value.matches(
            "(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[^/]+/[^/]+/[^/]+(/[^/]+/[^/]+)*");
  }

  /** The segment after {@code key} in an id ({@code resourceGroups} → the group). */
  public static String segment(String id, String key) {
    String[] parts = id.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].equalsIgnoreCase(key)) {
        return parts[i + 1];
      }
    }
    throw CliException.usage("'" + id + "' is not a valid Azure resource ID.");
  }
}
