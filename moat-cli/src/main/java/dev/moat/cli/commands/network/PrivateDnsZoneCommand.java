package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.Group;
import dev.moat.cli.commands.CommonOptions.TagList;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.TableCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az network private-dns zone}: private DNS zones (location always {@code global}). */
@Command(name = "zone", description = "Manage Private DNS zones.")
public final class PrivateDnsZoneCommand extends CommandGroup {
  private static final String V = PrivateDnsCommand.V;
  private static final String TYPE = "Microsoft.Network/privateDnsZones";

  private final Resources zones;

  public PrivateDnsZoneCommand(CliContext context) {
    super(context);
    this.zones = new Resources(context, arm, TYPE, V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return zones.commands("Private DNS zone", List.of(), "show", "list", "delete-confirmed");
  }

  @Command(name = "create", description = "Create a Private DNS zone.")
  int create(
      @Mixin Group rg,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the Private" + " DNS zone.")
          String name,
      @Mixin TagList tagList) {
    List<String> tags = tagList.value();
    String group = rg.value();
    ObjectNode body = Json.object().put("location", "global");
    Tags.apply(body, tags);
    context.printResource(arm.put(path(group, name), V, body, false));
    return 0;
  }

  private String path(String group, String name) {
    // Not Resources.path: its missing-name errors serve --ids commands; picocli requires both here.
    return arm.providerPath(group, TYPE + "/" + name);
  }
}
