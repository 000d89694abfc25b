package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.http.Json;

/** The load balancer and NAT gateway profiles az builds from their flags. */
final class LoadBalancer {
  private LoadBalancer() {}

  /** {@code networkProfile.loadBalancerProfile}, or null when no flag was given. */
  static ObjectNode profile(
      Integer managedCount,
      Integer managedIpv6Count,
      String outboundIps,
      String outboundIpPrefixes,
      Integer outboundPorts,
      Integer idleTimeout) {
    if (managedCount == null
        && managedIpv6Count == null
        && outboundIps == null
        && outboundIpPrefixes == null
        && outboundPorts == null
        && idleTimeout == null) {
      return null;
    }
    ObjectNode lb = Json.object();
    if (managedCount != null || managedIpv6Count != null) {
      ObjectNode managed = lb.putObject("managedOutboundIPs");
      if (managedCount != null) {
        managed.put("count", managedCount);
      }
      if (managedIpv6Count != null) {
        managed.put("countIPv6", managedIpv6Count);
      }
    }
    if (outboundIps != null) {
      ids(lb.putObject("outboundIPs").putArray("publicIPs"), outboundIps);
    }
    if (outboundIpPrefixes != null) {
      ids(lb.putObject("outboundIPPrefixes").putArray("publicIPPrefixes"), outboundIpPrefixes);
    }
    if (outboundPorts != null) {
      lb.put("allocatedOutboundPorts", outboundPorts);
    }
    if (idleTimeout != null) {
      lb.put("idleTimeoutInMinutes", idleTimeout);
    }
    return lb;
  }

  /** {@code networkProfile.natGatewayProfile}, or null when no flag was given. */
  static ObjectNode natGateway(Integer managedCount, Integer idleTimeout) {
    if (managedCount == null && idleTimeout == null) {
      return null;
    }
    ObjectNode nat = Json.object();
    if (managedCount != null) {
      nat.putObject("managedOutboundIPProfile").put("count", managedCount);
    }
    if (idleTimeout != null) {
      nat.put("idleTimeoutInMinutes", idleTimeout);
    }
    return nat;
  }

  private static void ids(ArrayNode into, String commaSeparated) {
    for (String id : commaSeparated.split(",")) {
      if (!id.isBlank()) {
        into.addObject().put("id", id.trim());
      }
    }
  }
}
