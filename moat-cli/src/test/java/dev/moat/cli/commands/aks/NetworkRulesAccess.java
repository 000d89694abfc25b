package dev.moat.cli.commands.aks;

/** Test access to the decorator checks that the parser makes unreachable. */
public final class NetworkRulesAccess {
  private NetworkRulesAccess() {}

  public static void outboundType(String type, boolean preview) {
    NetworkRules.outboundType(type, preview, null, null);
  }
}
