package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.ApiVersions;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.Group;
import dev.moat.cli.commands.CommonOptions.Location;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.TagList;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.TableCommand;
import dev.moat.cli.output.Flatten;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az network vnet}: virtual networks. */
@Command(
    name = "vnet",
    description = "Manage Azure Virtual Networks.",
    subcommands = SubnetCommand.class)
public final class VnetCommand extends CommandGroup {
  static final String V = ApiVersions.NETWORK;
  private final Resources vnets;

  public VnetCommand(CliContext context) {
    super(context);
    this.vnets = new Resources(context, arm, "Microsoft.Network/virtualNetworks", V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return vnets.commands("virtual network", List.of(), "show", "list", "delete");
  }

  @Command(name = "create", description = "Create a virtual network.")
  int create(
      @Mixin Group rg,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The virtual network" + " (VNet) name.")
          String name,
      @Option(
              names = "--address-prefixes",
              arity = "1..*",
              description =
                  "Space-separated list"
                      + " of IP address prefixes for the VNet.  Default: 10.0.0.0/16.")
          List<String> prefixes,
      @Option(
              names = "--subnet-name",
              description = "Name of a new subnet to create within the" + " VNet.")
          String subnetName,
      @Option(
              names = "--subnet-prefixes",
              arity = "1..*",
              description =
                  "Space-separated list"
                      + " of address prefixes in CIDR format for the new subnet.")
          List<String> subnetPrefixes,
      @Mixin Location loc,
      @Mixin TagList tagList,
      @Mixin NoWait noWait) {
    List<String> tags = tagList.value();
    String location = loc.value();
    String group = rg.value();
    ObjectNode body = Json.object().put("location", arm.locationOr(location, group));
    Tags.apply(body, tags);
    ObjectNode props = body.putObject("properties");
    ArrayNode space = props.putObject("addressSpace").putArray("addressPrefixes");
    (prefixes == null ? List.of("10.0.0.0/16") : prefixes).forEach(space::add);
    if (subnetName != null) {
      ObjectNode subnet = props.putArray("subnets").addObject().put("name", subnetName);
      SubnetCommand.prefixes(
          subnet.putObject("properties"),
          subnetPrefixes == null ? List.of("10.0.0.0/24") : subnetPrefixes);
    }
    JsonNode created = arm.put(path(group, name), V, body, noWait.value());
    if (!created.isMissingNode()) {
      ObjectNode wrapped = Json.object();
      wrapped.set("newVNet", Flatten.properties(created));
      context.print(wrapped);
    }
    return 0;
  }

  @Command(name = "update", description = "Update a virtual network.")
  int update(
      @Mixin Group rg,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The virtual network" + " (VNet) name.")
          String name,
      @Option(
              names = "--address-prefixes",
              arity = "1..*",
              description = "Space-separated list" + " of IP address prefixes for the VNet.")
          List<String> prefixes,
      @Mixin TagList tagList,
      @Mixin NoWait noWait) {
    List<String> tags = tagList.value();
    String group = rg.value();
    ObjectNode body = (ObjectNode) arm.show(path(group, name), V).deepCopy();
    if (prefixes != null) {
      ArrayNode space =
          body.withObject("properties").putObject("addressSpace").putArray("addressPrefixes");
      prefixes.forEach(space::add);
    }
    Tags.apply(body, tags);
    context.printResource(arm.put(path(group, name), V, body, noWait.value()));
    return 0;
  }

  private String path(String group, String name) {
    return vnets.path(group, name);
  }
}
