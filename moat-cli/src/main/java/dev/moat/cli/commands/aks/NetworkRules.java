package dev.moat.cli.commands.aks;

import dev.moat.cli.CliException;
import java.util.List;

/**
 * Core azure-cli's outbound-type and private-cluster checks ({@code managed_cluster_decorator.py}
 * {@code _get_outbound_type}, {@code _get_enable_private_cluster}, {@code _get_private_dns_zone},
 * ...), each with az's exact message. They run while the command runs, so they exit 1.
 */
final class NetworkRules {
  private NetworkRules() {}

  /**
   * The outbound types core azure-cli's decorator accepts (plus {@code block} with aks-preview).
   */
  static void outboundType(
      String type, boolean preview, String loadBalancerSku, String vnetSubnetId) {
    if (type == null) {
      return;
    }
    List<String> known =
        preview
            ? List.of(
                Clusters.LOAD_BALANCER,
                Clusters.MANAGED_NAT,
                Clusters.USER_NAT,
                Clusters.UDR,
                Clusters.NONE,
                Clusters.BLOCK)
            : List.of(
                Clusters.LOAD_BALANCER,
                Clusters.MANAGED_NAT,
                Clusters.USER_NAT,
                Clusters.UDR,
                Clusters.NONE);
    if (!known.contains(type)) {
      throw CliException.command(
          "Invalid outbound type, supported values are loadBalancer, managedNATGateway,"
              + " userAssignedNATGateway, userDefinedRouting and none. Please refer to"
              + " https://learn.microsoft.com/en-us/azure/aks/egress-outboundtype#updating-outboundtype-after-cluster-creation"
              + " for more details.");
    }
    if ("basic".equals(loadBalancerSku)) {
      throw CliException.command(type + " doesn't support basic load balancer sku");
    }
    if (type.equals(Clusters.UDR) && vnetSubnetId == null) {
      throw CliException.command(
          "--vnet-subnet-id must be specified for userDefinedRouting and it must be"
              + " pre-configured with a route table with egress rules");
    }
    if (type.equals(Clusters.USER_NAT) && vnetSubnetId == null) {
      throw CliException.command(
          "--vnet-subnet-id must be specified for userAssignedNATGateway and it must be"
              + " pre-configured with a NAT gateway with outbound ips");
    }
    if (type.equals(Clusters.MANAGED_NAT) && vnetSubnetId != null) {
      throw CliException.command("--vnet-subnet-id cannot be specified for managedNATGateway");
    }
  }

  /**
   * The load balancer and NAT gateway flags only go with their outbound type ({@code type} is the
   * type the cluster will have: the given one, else the current one).
   */
  static void customizations(String type, boolean lbIps, boolean lbConfig, boolean natIps) {
    if (!type.equals(Clusters.LOAD_BALANCER)) {
      if (lbIps) {
        throw CliException.command(
            type + " type doesn't support customizing the standard load balancer ips");
      }
      if (lbConfig) {
        throw CliException.command(
            type + " type doesn't support customizing the standard load balancer config");
      }
    }
    if (!type.equals(Clusters.MANAGED_NAT) && natIps) {
      throw CliException.command(
          type + " type doesn't support customizing the standard nat gateway ips");
    }
  }

  /** {@code _get_private_dns_zone} and {@code _get_fqdn_subdomain} on create. */
  static void privateDnsZone(
      String zone, boolean privateCluster, String fqdnSubdomain, boolean disablePublicFqdn) {
    if (zone != null && !zone.isEmpty()) {
      if (!privateCluster) {
        throw CliException.command(
            "Invalid private dns zone for public cluster. It should always be empty for public"
                + " cluster");
      }
      if (!isSystemOrNone(zone) && !dev.moat.cli.commands.Target.isResourceId(zone)) {
        throw CliException.command(zone + " is not a valid Azure resource ID.");
      }
    }
    if (fqdnSubdomain != null && zone != null && isSystemOrNone(zone)) {
      throw CliException.command(
          "--fqdn-subdomain should only be used for private cluster with custom private dns zone");
    }
    if (disablePublicFqdn && zone != null && zone.equalsIgnoreCase("none")) {
      throw CliException.command(
          "--disable-public-fqdn cannot be applied for none mode private dns zone cluster");
    }
  }

  static boolean isSystemOrNone(String zone) {
    return zone.equalsIgnoreCase("system") || zone.equalsIgnoreCase("none");
  }
}
