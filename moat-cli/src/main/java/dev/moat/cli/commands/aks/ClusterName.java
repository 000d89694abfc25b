package dev.moat.cli.commands.aks;

import dev.moat.cli.commands.Arm;
import picocli.CommandLine.Option;

/** The required {@code -g} and {@code -n} that name a managed cluster. */
public final class ClusterName {
  @Option(
      names = {"--resource-group", "-g"},
      required = true,
      description = "Name of resource group.")
  String group;

  @Option(
      names = {"--name", "-n"},
      required = true,
      description = "Name of the managed cluster.")
  String name;

  String group() {
    return group;
  }

  String name() {
    return name;
  }

  String path(Arm arm) {
    return Clusters.path(arm, group, name);
  }
}
