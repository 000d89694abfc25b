package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.Yes;
import dev.moat.cli.commands.Prompts;
import dev.moat.cli.http.Json;
import dev.moat.cli.http.ServiceException;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az network private-dns record-set a}: A record sets of a private zone. */
@Command(name = "a", description = "Manage Private DNS A records.")
public final class RecordSetACommand extends CommandGroup {
  private static final String V = PrivateDnsCommand.V;

  public RecordSetACommand(CliContext context) {
    super(context);
  }

  @Command(name = "create", description = "Create an empty A record set.")
  int create(
      @Mixin ZoneName zone,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the record" + " set, relative to the name of the zone.")
          String name,
      @Option(names = "--ttl", description = "Record set TTL (time-to-live).  Default: 3600.")
          Integer ttl) {
    ObjectNode body = Json.object();
    body.putObject("properties").put("ttl", ttl == null ? 3600 : ttl);
    context.printResource(arm.put(path(zone, name), V, body, false));
    return 0;
  }

  @Command(name = "show", description = "Get an A record set.")
  int show(
      @Mixin ZoneName zone,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the record" + " set, relative to the name of the zone.")
          String name) {
    context.printResource(arm.show(path(zone, name), V));
    return 0;
  }

  @Command(name = "list", description = "List all A record sets in a zone.")
  int list(@Mixin ZoneName zone) {
    context.printResource(arm.list(zone.path(arm) + "/A", V));
    return 0;
  }

  @Command(name = "delete", description = "Delete an A record set and all associated records.")
  int delete(
      @Mixin ZoneName zone,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the record" + " set, relative to the name of the zone.")
          String name,
      @Mixin Yes yes) {
    Prompts.confirm(context, yes.value());
    arm.delete(path(zone, name), V, false);
    return 0;
  }

  @Command(name = "add-record", description = "Add an A record.")
  int addRecord(
      @Mixin ZoneName zone,
      @Option(
              names = {"--record-set-name", "-n"},
              required = true,
              description = "The name of" + " the record set relative to the name of the zone.")
          String name,
      @Option(
              names = {"--ipv4-address", "-a"},
              required = true,
              description = "IPV4 address in" + " string notation.")
          String address) {
    String path = path(zone, name);
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

  @Command(name = "remove-record", description = "Remove an A record from its record set.")
  int removeRecord(
      @Mixin ZoneName zone,
      @Option(
              names = {"--record-set-name", "-n"},
              required = true,
              description = "The name of" + " the record set relative to the name of the zone.")
          String name,
      @Option(
              names = {"--ipv4-address", "-a"},
              required = true,
              description = "IPV4 address in" + " string notation.")
          String address,
      @Option(
              names = "--keep-empty-record-set",
              description = "Keep the empty record set if the" + " last record is removed.")
          boolean keepEmpty) {
    String path = path(zone, name);
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
    if (records.isEmpty() && !keepEmpty) {
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

  private String path(ZoneName zone, String name) {
    return zone.path(arm) + "/A/" + name;
  }
}
