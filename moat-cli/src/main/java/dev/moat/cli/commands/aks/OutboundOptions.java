package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import picocli.CommandLine.Option;

/**
 * The outbound flags {@code az aks create} and {@code az aks update} share: {@code --outbound-type}
 * and the load balancer and NAT gateway customisations, with the checks and profiles built from
 * them.
 */
public final class OutboundOptions {
  @Option(
      names = "--outbound-type",
      description =
          "How outbound traffic will be configured for a cluster.  Allowed values: loadBalancer, managedNATGateway, none, userAssignedNATGateway, userDefinedRouting.")
  String outboundType;

  @Option(
      names = "--load-balancer-managed-outbound-ip-count",
      description = "Load balancer managed outbound IP count.")
  Integer lbManagedIpCount;

  @Option(
      names = "--load-balancer-managed-outbound-ipv6-count",
      description = "Load balancer managed outbound IPv6 IP count.")
  Integer lbManagedIpv6Count;

  @Option(
      names = "--load-balancer-outbound-ips",
      description = "Load balancer outbound IP resource IDs.")
  String lbOutboundIps;

  @Option(
      names = "--load-balancer-outbound-ip-prefixes",
      description = "Load balancer outbound IP prefix resource IDs.")
  String lbOutboundIpPrefixes;

  @Option(
      names = "--load-balancer-outbound-ports",
      description = "Load balancer outbound allocated ports.")
  Integer lbOutboundPorts;

  @Option(
      names = "--load-balancer-idle-timeout",
      description = "Load balancer idle timeout in minutes.")
  Integer lbIdleTimeout;

  @Option(
      names = "--nat-gateway-managed-outbound-ip-count",
      description = "NAT gateway managed outbound IP count.")
  Integer natIpCount;

  @Option(
      names = "--nat-gateway-idle-timeout",
      description = "NAT gateway idle timeout in minutes.")
  Integer natIdleTimeout;

  /** {@code --outbound-type} in its canonical spelling (null when not given); a usage error. */
  String type(CliContext context, String prog) {
    return Clusters.outboundTypes(context).parse(prog, outboundType);
  }

  /** True when none of these flags was given. */
  boolean isEmpty() {
    return outboundType == null
        && lbManagedIpCount == null
        && lbManagedIpv6Count == null
        && lbOutboundIps == null
        && lbOutboundIpPrefixes == null
        && lbOutboundPorts == null
        && lbIdleTimeout == null
        && natIpCount == null
        && natIdleTimeout == null;
  }

  /**
   * Checks that the customisations given fit {@code effectiveOutbound}; see {@link NetworkRules}.
   */
  void checkCustomizations(String effectiveOutbound) {
    NetworkRules.customizations(
        effectiveOutbound,
        lbManagedIpCount != null
            || lbManagedIpv6Count != null
            || lbOutboundIps != null
            || lbOutboundIpPrefixes != null,
        lbOutboundPorts != null || lbIdleTimeout != null,
        natIpCount != null || natIdleTimeout != null);
  }

  /** {@code networkProfile.loadBalancerProfile} from the flags, or null when none was given. */
  ObjectNode loadBalancerProfile() {
    return LoadBalancer.profile(
        lbManagedIpCount,
        lbManagedIpv6Count,
        lbOutboundIps,
        lbOutboundIpPrefixes,
        lbOutboundPorts,
        lbIdleTimeout);
  }

  /** {@code networkProfile.natGatewayProfile} from the flags, or null when none was given. */
  ObjectNode natGatewayProfile() {
    return LoadBalancer.natGateway(natIpCount, natIdleTimeout);
  }
}
