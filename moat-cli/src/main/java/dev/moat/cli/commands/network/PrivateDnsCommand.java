package dev.moat.cli.commands.network;

import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import picocli.CommandLine.Command;

/** {@code az network private-dns}. */
@Command(
    name = "private-dns",
    description = "Manage Private DNS domains in Azure.",
    subcommands = {
      PrivateDnsZoneCommand.class,
      PrivateDnsCommand.Link.class,
      PrivateDnsCommand.RecordSet.class
    })
public final class PrivateDnsCommand extends CommandGroup {
  static final String V = dev.moat.cli.commands.ApiVersions.PRIVATE_DNS;

  public PrivateDnsCommand(CliContext context) {
    super(context);
  }

  /** {@code az network private-dns link}. */
  @Command(
      name = "link",
      description = "Manage Private DNS links.",
      subcommands = PrivateDnsLinkCommand.class)
  public static final class Link extends CommandGroup {
    public Link(CliContext context) {
      super(context);
    }
  }

  /** {@code az network private-dns record-set}. */
  @Command(
      name = "record-set",
      description = "Manage Private DNS records and record sets.",
      subcommands = RecordSetACommand.class)
  public static final class RecordSet extends CommandGroup {
    public RecordSet(CliContext context) {
      super(context);
    }
  }
}
