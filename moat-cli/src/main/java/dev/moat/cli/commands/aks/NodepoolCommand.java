package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.Yes;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.http.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az aks nodepool}: the agent pools of a managed cluster. */
@Command(
    name = "nodepool",
    description = "Commands to manage node pools in Kubernetes kubernetes cluster.")
public final class NodepoolCommand extends CommandGroup {
  public NodepoolCommand(CliContext context) {
    super(context);
  }

  @Command(name = "add", description = "Add a node pool to the managed Kubernetes cluster.")
  int add(
      @Mixin Pool pool,
      @Option(
              names = {"--node-count", "-c"},
              description = "Number of nodes in the Kubernetes node pool. Default: 3.")
          Integer nodeCount,
      @Option(
              names = {"--node-vm-size", "-s"},
              description = "Size of Virtual Machines to create as Kubernetes nodes.")
          String vmSize,
      @Option(
              names = "--mode",
              description =
                  "The mode for a node pool which defines a node pool's primary function.  Allowed values: Gateway, System, User.  Default: User.")
          String mode,
      @Option(
              names = {"--kubernetes-version", "-k"},
              description = "Version of Kubernetes to use for creating the node pool.")
          String kubernetesVersion,
      @Option(
              names = "--vnet-subnet-id",
              description =
                  "The ID of a subnet in an existing VNet into which to deploy the node pool.")
          String vnetSubnetId,
      @Option(
              names = "--max-pods",
              description = "The maximum number of pods deployable to a node.")
          Integer maxPods,
      @Option(names = "--os-type", description = "The OS Type. Linux or Windows.  Default: Linux.")
          String osType,
      @Option(
              names = "--labels",
              arity = "0..*",
              description = "The node labels for the node pool: key=value ...")
          List<String> labels,
      @Option(
              names = "--tags",
              arity = "0..*",
              description = "Space-separated tags: key[=value] [key[=value] ...].")
          List<String> tags,
      @Mixin NoWait noWait) {
    String prog = prog("add");
    Validators.resourceId("--vnet-subnet-id", vnetSubnetId);
    String m = Clusters.MODES.parse(prog, mode);
    String os =
        dev.moat.cli.commands.Choices.of("--os-type", "Linux", "Windows").parse(prog, osType);
    Clusters.previewWarnings(context);
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    props.put("count", nodeCount != null ? nodeCount : 3);
    props.put("vmSize", vmSize != null ? vmSize : "Standard_DS2_v2");
    props.put("osType", os != null ? os : "Linux");
    props.put("type", "VirtualMachineScaleSets");
    props.put("mode", m != null ? m : "User");
    if (kubernetesVersion != null) {
      props.put("orchestratorVersion", kubernetesVersion);
    }
    if (vnetSubnetId != null) {
      props.put("vnetSubnetID", vnetSubnetId);
    }
    if (maxPods != null) {
      props.put("maxPods", maxPods);
    }
    ObjectNode l = Tags.parse(labels);
    if (l != null) {
      props.set("nodeLabels", l);
    }
    Tags.apply(props, tags);
    JsonNode result = arm.put(pool.path(arm), Clusters.V, body, noWait.value());
    if (!noWait.value()) {
      context.printResource(result);
    }
    return 0;
  }

  @Command(name = "list", description = "List node pools in the managed Kubernetes cluster.")
  int list(@Mixin PoolCluster cluster) {
    Clusters.previewWarnings(context);
    context.printResource(arm.list(cluster.path(arm) + "/agentPools", Clusters.V));
    return 0;
  }

  @Command(
      name = "show",
      description = "Show the details for a node pool in the managed Kubernetes cluster.")
  int show(@Mixin Pool pool) {
    Clusters.previewWarnings(context);
    context.printResource(arm.show(pool.path(arm), Clusters.V));
    return 0;
  }

  @Command(
      name = "delete",
      description = "Delete the agent pool in the managed Kubernetes cluster.")
  int delete(
      @Mixin Pool pool,
      @Option(
              names = "--ignore-pod-disruption-budget",
              description = "Delete the node pool ignoring pod disruption budgets.")
          boolean ignorePdb,
      @Mixin Yes yes,
      @Mixin NoWait noWait) {
    Clusters.previewWarnings(context);
    arm.delete(pool.path(arm), Clusters.V, noWait.value());
    return 0;
  }

  /** The cluster whose pools a command works on: required {@code -g} and {@code --cluster-name}. */
  public static final class PoolCluster {
    @Option(
        names = {"--resource-group", "-g"},
        required = true,
        description = "Name of resource group.")
    String group;

    @Option(names = "--cluster-name", required = true, description = "The cluster name.")
    String cluster;

    String path(Arm arm) {
      return Clusters.path(arm, group, cluster);
    }
  }

  /** One node pool: its cluster and {@code -n}. */
  public static final class Pool {
    @Mixin PoolCluster cluster;

    @Option(
        names = {"--name", "-n"},
        required = true,
        description = "The node pool name.")
    String name;

    String path(Arm arm) {
      return cluster.path(arm) + "/agentPools/" + name;
    }
  }
}
