package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code az cloud}: the one cloud this CLI knows, Moat at the configured endpoint. */
@Command(name = "cloud", description = "Manage registered clouds.")
public final class CloudCommand extends CommandGroup {
  public CloudCommand(CliContext context) {
    super(context);
  }

  @Command(name = "show", description = "Get the details of a registered cloud.")
  int show(
      @Option(
              names = {"--name", "-n"},
              description = "Name of a registered cloud.")
          String name) {
    if (name != null && !name.equalsIgnoreCase(AccountView.CLOUD)) {
      throw CliException.command("The cloud '" + name + "' is not registered.");
    }
    context.print(cloud());
    return 0;
  }

  @Command(name = "list", description = "List registered clouds.")
  int list() {
    ArrayNode all = Json.object().arrayNode();
    all.add(cloud());
    context.print(all);
    return 0;
  }

  private ObjectNode cloud() {
    String base = context.server().endpoint();
    ObjectNode o = Json.object();
    ObjectNode e = o.putObject("endpoints");
    e.put("activeDirectory", base + "/adfs");
    e.put("activeDirectoryGraphResourceId", base + "/");
    e.put("activeDirectoryResourceId", base + "/");
    e.put("management", base + "/");
    e.put("resourceManager", base + "/");
    o.put("isActive", true);
    o.put("name", AccountView.CLOUD);
    o.put("profile", "latest");
    ObjectNode s = o.putObject("suffixes");
    s.put("acrLoginServerEndpoint", ".azurecr.io");
    s.put("storageEndpoint", "core.windows.net");
    return o;
  }
}
