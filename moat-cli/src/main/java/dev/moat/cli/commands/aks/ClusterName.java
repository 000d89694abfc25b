package dev.moat.cli.commands.aks;

import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.CommonOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The required {@code -g} and {@code -n} that name a managed cluster. */
public final class ClusterName {
  @Mixin CommonOptions.Group group;

  @Option(
      names = {"--name", "-n"},
      required = true,
      description = "Name of the managed cluster.")
  String name;

  String group() {
    return group.value();
  }

  String name() {
    return name;
  }

  String path(Arm arm) {
    return Clusters.path(arm, group.value(), name);
  }
}
