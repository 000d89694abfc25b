package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.Choices;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.Group;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.Flags;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az network vnet subnet}: subnets of a virtual network. */
@Command(name = "subnet", description = "Manage subnets in an Azure Virtual Network.")
public final class SubnetCommand extends CommandGroup {
  private static final String V = VnetCommand.V;
  private static final Choices PE_POLICIES =
      Choices.of(
          "--private-endpoint-network-policies",
          "Disabled",
          "Enabled",
          "NetworkSecurityGroupEnabled",
          "RouteTableEnabled");

  private final Resources subnets;

  public SubnetCommand(CliContext context) {
    super(context);
    this.subnets = new Resources(context, arm, "Microsoft.Network/virtualNetworks/subnets", V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return subnets.commands(
        "subnet",
        List.of(Opt.str("--vnet-name").help("The virtual network (VNet) name.")),
        "show",
        "list",
        "delete");
  }

  @Command(
      name = "create",
      description = "Create a subnet and associate an existing NSG and route table.")
  int create(@Mixin SubnetArgs a, @Mixin NoWait noWait) {
    String prog = prog("create");
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    if (a.prefixes != null) {
      prefixes(props, a.prefixes);
    }
    a.apply(props, prog, arm);
    context.printResource(arm.put(path(a.group.value(), a.vnet, a.name), V, body, noWait.value()));
    return 0;
  }

  @Command(name = "update", description = "Update a subnet.")
  int update(@Mixin SubnetArgs a, @Mixin NoWait noWait) {
    String prog = prog("update");
    String path = path(a.group.value(), a.vnet, a.name);
    ObjectNode body = (ObjectNode) arm.show(path, V).deepCopy();
    ObjectNode props = body.withObject("properties");
    if (a.prefixes != null) {
      props.remove("addressPrefix");
      props.remove("addressPrefixes");
      prefixes(props, a.prefixes);
    }
    a.apply(props, prog, arm);
    context.printResource(arm.put(path, V, body, noWait.value()));
    return 0;
  }

  /** The options az declares alike for subnet create and update. */
  public static final class SubnetArgs {
    @Mixin Group group;

    @Option(
        names = "--vnet-name",
        required = true,
        description = "The virtual network (VNet) name.")
    String vnet;

    @Option(
        names = {"--name", "-n"},
        required = true,
        description = "The subnet name.")
    String name;

    @Option(
        names = "--address-prefixes",
        arity = "1..*",
        description = "Space-separated list of address prefixes in CIDR format.")
    List<String> prefixes;

    @Option(
        names = "--private-endpoint-network-policies",
        description =
            "Manage network policy for private endpoint.  Allowed values: Disabled, Enabled,"
                + " NetworkSecurityGroupEnabled, RouteTableEnabled.")
    String pePolicies;

    @Option(
        names = "--delegations",
        arity = "1..*",
        description =
            "Space-separated list of services to whom the subnet should be delegated, e.g."
                + " Microsoft.ContainerService/managedClusters.")
    List<String> delegations;

    @Option(
        names = "--default-outbound-access",
        description =
            "Set this property to false to disable default outbound connectivity for all VMs in"
                + " the subnet.  Allowed values: false, true.")
    String defaultOutbound;

    @Mixin SubnetExtras extras;

    /** Writes the policies, delegations, outbound access and the extras into {@code props}. */
    void apply(ObjectNode props, String prog, Arm arm) {
      SubnetCommand.apply(
          props, prog, extras.pePolicies(prog, pePolicies), delegations, defaultOutbound);
      extras.apply(props, prog, arm, group.value());
    }
  }

  /** One prefix goes in {@code addressPrefix}, several in {@code addressPrefixes}, as az does. */
  static void prefixes(ObjectNode props, List<String> prefixes) {
    if (prefixes.size() == 1) {
      props.put("addressPrefix", prefixes.get(0));
    } else {
      ArrayNode arr = props.putArray("addressPrefixes");
      prefixes.forEach(arr::add);
    }
  }

  private static void apply(
      ObjectNode props,
      String prog,
      String pePolicies,
      List<String> delegations,
      String defaultOutbound) {
    if (pePolicies != null) {
      props.put("privateEndpointNetworkPolicies", PE_POLICIES.parse(prog, pePolicies));
    }
    if (delegations != null) {
      ArrayNode arr = props.putArray("delegations");
      for (int i = 0; i < delegations.size(); i++) {
        // az names delegations by position and accepts a service name or a delegation id.
        String service = delegations.get(i);
        arr.addObject()
            .put("name", String.valueOf(i))
            .putObject("properties")
            .put("serviceName", service);
      }
    }
    Boolean outbound = Flags.bool(prog, "--default-outbound-access", defaultOutbound);
    if (outbound != null) {
      props.put("defaultOutboundAccess", outbound);
    }
  }

  private String vnetPath(String group, String vnet) {
    Target.require(group, "--resource-group/-g");
    Target.require(vnet, "--vnet-name");
    return arm.providerPath(group, "Microsoft.Network/virtualNetworks/" + vnet);
  }

  private String path(String group, String vnet, String name) {
    Target.require(name, "--name/-n");
    return vnetPath(group, vnet) + "/subnets/" + name;
  }
}
