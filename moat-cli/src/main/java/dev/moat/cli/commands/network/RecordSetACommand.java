package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.Prompts;
import dev.moat.cli.http.Json;
import dev.moat.cli.http.ServiceException;
import dev.moat.cli.options.Args;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code az network private-dns record-set a}: A record sets of a private zone. */
@Command(name = "a", description = "Manage Private DNS A records.")
public final class RecordSetACommand extends CommandGroup {
  private static final String V = PrivateDnsCommand.V;

  public RecordSetACommand(CliContext context) {
    super(context);
  }

  private static final Opt GROUP =
      Opt.str("--resource-group", "-g").required().help("Name of resource group.");
  private static final Opt ZONE =
      Opt.str("--zone-name", "-z").required().help("The name of the Private DNS zone.");
  private static final Opt NAME =
      Opt.str("--name", "-n")
          .required()
          .help("The name of the record set, relative to the name of the zone.");
  private static final Opt SET =
      Opt.str("--record-set-name", "-n")
          .required()
          .help("The name of the record set relative to the name of the zone.");
  private static final Opt ADDRESS =
      Opt.str("--ipv4-address", "-a").required().help("IPV4 address in string notation.");

  @Override
  public List<TableCommand> tableCommands() {
    return List.of(
        new TableCommand(
            "create",
            "Create an empty A record set.",
            List.of(GROUP, ZONE, NAME, Opt.integer("--ttl").help("Record set TTL (time-to-live).")),
            this::create),
        new TableCommand(
            "show",
            "Get an A record set.",
            List.of(GROUP, ZONE, NAME),
            a -> {
              context.printResource(arm.show(path(a, "--name"), V));
              return 0;
            }),
        new TableCommand(
            "list",
            "List all A record sets in a zone.",
            List.of(GROUP, ZONE),
            a -> {
              context.printResource(arm.list(zone(a) + "/A", V));
              return 0;
            }),
        new TableCommand(
            "delete",
            "Delete an A record set and all associated records.",
            List.of(
                GROUP, ZONE, NAME, Opt.flag("--yes", "-y").help("Do not prompt for confirmation.")),
            a -> {
              Prompts.confirm(context, a.on("--yes"));
              arm.delete(path(a, "--name"), V, false);
              return 0;
            }),
        new TableCommand(
            "add-record", "Add an A record.", List.of(GROUP, ZONE, SET, ADDRESS), this::addRecord),
        new TableCommand(
            "remove-record",
            "Remove an A record from its record set.",
            List.of(
                GROUP,
                ZONE,
                SET,
                ADDRESS,
                Opt.flag("--keep-empty-record-set")
                    .help("Keep the empty record set if the last record is removed.")),
            this::removeRecord));
  }

  private int create(Args a) {
    Integer ttl = a.integer("--ttl");
    ObjectNode body = Json.object();
    body.putObject("properties").put("ttl", ttl == null ? 3600 : ttl);
    context.printResource(arm.put(path(a, "--name"), V, body, false));
    return 0;
  }

  private int addRecord(Args a) {
    String path = path(a, "--record-set-name");
    String address = a.str("--ipv4-address");
    ObjectNode set = existing(path);
    if (set == null) {
      // az creates the record set when it does not exist yet.
      set = Json.object();
      set.putObject("properties").put("ttl", 3600);
    }
    ArrayNode records = set.withObject("properties").withArray("aRecords");
    boolean present = false;
    for (JsonNode r : records) {
      present |= r.path("ipv4Address").asText().equals(address);
    }
    if (!present) {
      records.addObject().put("ipv4Address", address);
    }
    context.printResource(arm.put(path, V, set, false));
    return 0;
  }

  private int removeRecord(Args a) {
    String path = path(a, "--record-set-name");
    String address = a.str("--ipv4-address");
    ObjectNode set = existing(path);
    if (set == null) {
      throw CliException.command("Record set not found.");
    }
    ArrayNode records = set.withObject("properties").withArray("aRecords");
    Iterator<JsonNode> it = records.elements();
    boolean removed = false;
    while (it.hasNext()) {
      if (it.next().path("ipv4Address").asText().equals(address)) {
        it.remove();
        removed = true;
      }
    }
    if (!removed) {
      throw CliException.command("Record not found.");
    }
    if (records.isEmpty() && !a.on("--keep-empty-record-set")) {
      arm.delete(path, V, false);
      return 0;
    }
    context.printResource(arm.put(path, V, set, false));
    return 0;
  }

  private ObjectNode existing(String path) {
    try {
      return (ObjectNode) arm.get(path, V).deepCopy();
    } catch (ServiceException e) {
      if (e.isNotFound()) {
        return null;
      }
      throw e;
    }
  }

  private String zone(Args a) {
    return arm.providerPath(
        a.str("--resource-group"), "Microsoft.Network/privateDnsZones/" + a.str("--zone-name"));
  }

  /** The record set named by the option {@code nameOption} ({@code --name} or its alias). */
  private String path(Args a, String nameOption) {
    return zone(a) + "/A/" + a.str(nameOption);
  }
}
