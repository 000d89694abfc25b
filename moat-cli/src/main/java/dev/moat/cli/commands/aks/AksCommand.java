package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.Prompts;
import dev.moat.cli.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code az aks}: managed Kubernetes clusters. */
@Command(
    name = "aks",
    description = "Azure Kubernetes Service.",
    subcommands = {AksCreateCommand.class, AksUpdateCommand.class, NodepoolCommand.class})
public final class AksCommand extends CommandGroup {
  public AksCommand(CliContext context) {
    super(context);
  }

  @Command(name = "show", description = "Show the details for a managed Kubernetes cluster.")
  int show(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the managed cluster.")
          String name) {
    Clusters.previewWarnings(context);
    context.printResource(arm.show(Clusters.path(arm, group, name), Clusters.V));
    return 0;
  }

  @Command(name = "list", description = "List managed Kubernetes clusters.")
  int list(
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group) {
    Clusters.previewWarnings(context);
    String path =
        group == null
            ? "/subscriptions/" + arm.subscriptionId() + "/providers/" + Clusters.TYPE
            : arm.providerPath(group, Clusters.TYPE);
    context.printResource(arm.list(path, Clusters.V));
    return 0;
  }

  @Command(name = "delete", description = "Delete a managed Kubernetes cluster.")
  int delete(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the managed cluster.")
          String name,
      @Option(
              names = {"--yes", "-y"},
              description = "Do not prompt for confirmation.")
          boolean yes,
      @Option(
              names = "--no-wait",
              description = "Do not wait for the long-running operation to finish.")
          boolean noWait) {
    Clusters.previewWarnings(context);
    Prompts.confirm(context, yes);
    arm.delete(Clusters.path(arm, group, name), Clusters.V, noWait);
    return 0;
  }

  @Command(
      name = "upgrade",
      description = "Upgrade a managed Kubernetes cluster to a newer version.")
  int upgrade(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the managed cluster.")
          String name,
      @Option(
              names = {"--kubernetes-version", "-k"},
              description = "Version of Kubernetes to upgrade the cluster to, such as \"1.30.3\".")
          String kubernetesVersion,
      @Option(names = "--node-image-only", description = "Only upgrade node image for agent pools.")
          boolean nodeImageOnly,
      @Option(
              names = "--control-plane-only",
              description = "Upgrade the cluster control plane only.")
          boolean controlPlaneOnly,
      @Option(
              names = {"--yes", "-y"},
              description = "Do not prompt for confirmation.")
          boolean yes,
      @Option(
              names = "--no-wait",
              description = "Do not wait for the long-running operation to finish.")
          boolean noWait) {
    Clusters.previewWarnings(context);
    if (!yes
        && !Prompts.yesNo(
            context,
            "Kubernetes may be unavailable during cluster upgrades.\n"
                + " Are you sure you want to perform this operation?",
            false)) {
      return 0;
    }
    String path = Clusters.path(arm, group, name);
    JsonNode cluster = arm.show(path, Clusters.V);
    if (nodeImageOnly) {
      if (kubernetesVersion != null && !kubernetesVersion.isEmpty()) {
        throw CliException.command(
            "Conflicting flags. Upgrading the Kubernetes version will also upgrade node image"
                + " version. If you only want to upgrade the node version please use the"
                + " \"--node-image-only\" option only.");
      }
      if (controlPlaneOnly) {
        throw CliException.command(
            "Conflicting flags. Cannot set --control-plane-only and --node-image-only at the same"
                + " time.");
      }
      if (!yes
          && !Prompts.yesNo(
              context,
              "This node image upgrade operation will run across every node pool in the cluster"
                  + " and might take a while. Do you wish to continue?",
              false)) {
        return 0;
      }
      // az starts each pool's upgrade without waiting for it, then shows the cluster.
      for (JsonNode pool : cluster.path("properties").path("agentPoolProfiles")) {
        String poolName = pool.path("name").asText();
        arm.post(
            Clusters.poolPath(arm, group, name, poolName) + "/upgradeNodeImageVersion",
            Clusters.V,
            null,
            true);
      }
      context.printResource(arm.get(path, Clusters.V));
      return 0;
    }
    if (kubernetesVersion == null || kubernetesVersion.isEmpty()) {
      throw CliException.command(
          "You must specify \"--kubernetes-version\" or \"--node-image-only\"");
    }
    var mc = Clusters.writable(cluster);
    var props = (com.fasterxml.jackson.databind.node.ObjectNode) mc.path("properties");
    props.put("kubernetesVersion", kubernetesVersion);
    if (!controlPlaneOnly) {
      for (JsonNode pool : props.path("agentPoolProfiles")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) pool)
            .put("orchestratorVersion", kubernetesVersion);
      }
    }
    JsonNode result = arm.put(path, Clusters.V, mc, noWait);
    if (!noWait) {
      context.printResource(result);
    }
    return 0;
  }

  @Command(
      name = "get-credentials",
      description = "Get access credentials for a managed Kubernetes cluster.")
  int getCredentials(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the managed cluster.")
          String name,
      @Option(
              names = {"--admin", "-a"},
              description = "Get cluster administrator credentials.")
          boolean admin,
      @Option(
              names = {"--file", "-f"},
              description =
                  "Kubernetes configuration file to update. Use \"-\" to print YAML to stdout instead.  Default: ~/.kube/config.")
          String file,
      @Option(
              names = "--overwrite-existing",
              description = "Overwrite any existing cluster entry with the same name.")
          boolean overwrite,
      @Option(
              names = "--context",
              description = "If specified, overwrite the default context name.")
          String contextName) {
    Clusters.previewWarnings(context);
    String action = admin ? "listClusterAdminCredential" : "listClusterUserCredential";
    JsonNode result =
        arm.post(Clusters.path(arm, group, name) + "/" + action, Clusters.V, null, false);
    JsonNode kubeconfigs = result.path("kubeconfigs");
    if (!kubeconfigs.isArray() || kubeconfigs.isEmpty()) {
      throw CliException.command("No Kubernetes credentials found.");
    }
    String kubeconfig =
        new String(
            Base64.getDecoder().decode(kubeconfigs.get(0).path("value").asText()),
            StandardCharsets.UTF_8);
    String target =
        file != null ? file : context.userHome().resolve(".kube").resolve("config").toString();
    Kubeconfigs.printOrMerge(context, target, kubeconfig, overwrite, contextName);
    return 0;
  }

  @Command(
      name = "get-versions",
      description = "Get the versions available for creating a managed Kubernetes cluster.")
  int getVersions(
      @Option(
              names = {"--location", "-l"},
              required = true,
              description = "Location.")
          String location) {
    Clusters.previewWarnings(context);
    String path =
        "/subscriptions/"
            + arm.subscriptionId()
            + "/providers/Microsoft.ContainerService/locations/"
            + location
            + "/kubernetesVersions";
    JsonNode versions = arm.get(path, Clusters.V);
    context.print(versions.isMissingNode() ? Json.object() : versions);
    return 0;
  }
}
