package dev.moat.containerservice.validation;

import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.PoolSpec;
import java.util.Map;
import java.util.Optional;

/**
 * AKS's documented rules across properties that a spec table cannot state: a cluster has at least
 * one System pool, a System pool has at least one node (0-1000 for User pools, 1-1000 for System
 * ones, spec description of {@code count}), and {@code dnsServiceIP} lies inside {@code
 * serviceCidr} without being its network address.
 */
public final class PoolAndNetworkRules {
  private PoolAndNetworkRules() {}

  /** The pools a cluster PUT sends (empty when it sends none: the stored ones stay). */
  public static void checkClusterPools(Map<String, PoolSpec> pools) {
    if (pools.isEmpty()) {
      return;
    }
    pools.values().forEach(PoolAndNetworkRules::checkPool);
    if (pools.values().stream().noneMatch(p -> "System".equalsIgnoreCase(p.mode()))) {
      throw ContainerServiceError.NO_SYSTEM_POOL.exception().withTarget("agentPoolProfiles");
    }
  }

  /** One pool, from a cluster's profiles or an agent-pool PUT. */
  public static void checkPool(PoolSpec pool) {
    if ("System".equalsIgnoreCase(pool.mode()) && pool.count() < 1) {
      throw ContainerServiceError.INVALID_VALUE
          .exception("agentPoolProfile.count", "a System pool needs at least 1 node")
          .withTarget("agentPoolProfile.count");
    }
  }

  public static void checkNetwork(ClusterSpec.Network network) {
    if (network.serviceCidr() == null) {
      return;
    }
    Optional<long[]> cidr = cidr(network.serviceCidr());
    if (cidr.isEmpty()) {
      throw ContainerServiceError.INVALID_VALUE
          .exception("networkProfile.serviceCidr", "it must be an IPv4 network in CIDR notation")
          .withTarget("networkProfile.serviceCidr");
    }
    if (network.dnsServiceIp() == null) {
      return;
    }
    Optional<Long> ip = address(network.dnsServiceIp());
    long base = cidr.get()[0];
    long size = cidr.get()[1];
    if (ip.isEmpty() || ip.get() <= base || ip.get() >= base + size) {
      throw ContainerServiceError.INVALID_VALUE
          .exception(
              "networkProfile.dnsServiceIP",
              "it must be an address inside serviceCidr "
                  + network.serviceCidr()
                  + " other than its first")
          .withTarget("networkProfile.dnsServiceIP");
    }
  }

  /** {@code [network address, size]} of a well-formed IPv4 CIDR whose host bits are zero. */
  static Optional<long[]> cidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<Long> base = address(text.substring(0, slash));
    int bits;
    try {
      bits = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (base.isEmpty() || bits < 0 || bits > 32) {
      return Optional.empty();
    }
    long size = 1L << (32 - bits);
    return base.get() % size == 0 ? Optional.of(new long[] {base.get(), size}) : Optional.empty();
  }

  static Optional<Long> address(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      value = value * 256 + octet;
    }
    return Optional.of(value);
  }
}
