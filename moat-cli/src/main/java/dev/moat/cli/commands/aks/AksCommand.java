package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.OptionalGroup;
import dev.moat.cli.commands.CommonOptions.Yes;
import dev.moat.cli.commands.Prompts;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az aks}: managed Kubernetes clusters. */
@Command(
    name = "aks",
    description = "Azure Kubernetes Service.",
    subcommands = {
      AksCreateCommand.class,
      AksUpdateCommand.class,
      NodepoolCommand.class,
      AksCheckNetworkIsolationCommand.class,
      AksRunCommand.class
    })
public final class AksCommand extends CommandGroup {
  private final Resources clusters;

  public AksCommand(CliContext context) {
    super(context);
    this.clusters = new Resources(context, arm, Clusters.TYPE, Clusters.V);
  }

  @Command(name = "show", description = "Show the details for a managed Kubernetes cluster.")
  int show(@Mixin ClusterName cluster) {
    Clusters.previewWarnings(context);
    context.printResource(arm.show(cluster.path(arm), Clusters.V));
    return 0;
  }

  @Command(name = "list", description = "List managed Kubernetes clusters.")
  int list(@Mixin OptionalGroup rg) {
    String group = rg.value();
    Clusters.previewWarnings(context);
    clusters.list(group);
    return 0;
  }

  @Command(name = "delete", description = "Delete a managed Kubernetes cluster.")
  int delete(@Mixin ClusterName cluster, @Mixin Yes yes, @Mixin NoWait noWait) {
    Clusters.previewWarnings(context);
    Prompts.confirm(context, yes.value());
    arm.delete(cluster.path(arm), Clusters.V, noWait.value());
    return 0;
  }

  @Command(
      name = "upgrade",
      description = "Upgrade a managed Kubernetes cluster to a newer version.")
  int upgrade(
      @Mixin ClusterName cluster,
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
      @Mixin Yes yes,
      @Mixin NoWait noWait) {
    Clusters.previewWarnings(context);
    if (!yes.value()
        && !Prompts.yesNo(
            context,
            "Kubernetes may be unavailable during cluster upgrades.\n"
                + " Are you sure you want to perform this operation?",
            false)) {
      return 0;
    }
    String path = cluster.path(arm);
    JsonNode current = arm.show(path, Clusters.V);
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
      if (!yes.value()
          && !Prompts.yesNo(
              context,
              "This node image upgrade operation will run across every node pool in the cluster"
                  + " and might take a while. Do you wish to continue?",
              false)) {
        return 0;
      }
      // az starts each pool's upgrade without waiting for it, then shows the cluster.
      for (JsonNode pool : current.path("properties").path("agentPoolProfiles")) {
        String poolName = pool.path("name").asText();
        arm.post(
            Clusters.poolPath(arm, cluster.group(), cluster.name(), poolName)
                + "/upgradeNodeImageVersion",
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
    var mc = Clusters.writable(current);
    var props = (com.fasterxml.jackson.databind.node.ObjectNode) mc.path("properties");
    props.put("kubernetesVersion", kubernetesVersion);
    if (!controlPlaneOnly) {
      for (JsonNode pool : props.path("agentPoolProfiles")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) pool)
            .put("orchestratorVersion", kubernetesVersion);
      }
    }
    JsonNode result = arm.put(path, Clusters.V, mc, noWait.value());
    if (!noWait.value()) {
      context.printResource(result);
    }
    return 0;
  }

  @Command(
      name = "get-credentials",
      description = "Get access credentials for a managed Kubernetes cluster.")
  int getCredentials(
      @Mixin ClusterName cluster,
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
    JsonNode result = arm.post(cluster.path(arm) + "/" + action, Clusters.V, null, false);
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

  @Command(name = "check-acr", description = "Validate an ACR is accessible from an AKS cluster.")
  int checkAcr(
      @Mixin ClusterName cluster,
      @Option(names = "--acr", required = true, description = "The FQDN of the ACR.") String acr,
      @Option(
              names = "--node-name",
              description =
                  "The name of a specific node to perform acr pull test checks. If not specified,"
                      + " it will be checked on a random node.")
          String nodeName) {
    String fqdn = acr;
    if (!fqdn.contains(".")) {
      fqdn = fqdn + ".azurecr.io";
      context.log().warn(AksCheckAcr.SUFFIX_WARNING);
    }
    JsonNode credentials =
        arm.post(cluster.path(arm) + "/listClusterUserCredential", Clusters.V, null, false);
    String output = new AksCheckAcr(context, credentials).run(fqdn, nodeName);
    context.out().print(output.endsWith("\n") ? output : output + "\n");
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
