package dev.moat.network.validation;

import dev.moat.network.model.Ipv4Cidr;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * Azure's rules for address prefixes: CIDR syntax, prefixes aligned to their mask, subnets inside
 * the virtual network's address space and not overlapping each other, and no subnet smaller than
 * Azure's minimum (/29, since Azure reserves five addresses in each).
 */
public final class AddressSpaceValidator {
  /** Azure's smallest IPv4 subnet. */
  static final int MAX_SUBNET_PREFIX_LENGTH = 29;

  /** Parses prefixes of {@code owner}, rejecting malformed or misaligned ones. */
  public List<Ipv4Cidr> parse(List<String> prefixes, ResourceId owner) {
    return prefixes.stream().map(p -> parse(p, owner)).toList();
  }

  public Ipv4Cidr parse(String prefix, ResourceId owner) {
    Ipv4Cidr cidr =
        Ipv4Cidr.parse(prefix)
            .orElseThrow(() -> NetworkError.INVALID_ADDRESS_PREFIX_FORMAT.exception(prefix, owner));
    if (!cidr.isAligned()) {
      throw NetworkError.INVALID_CIDR_NOTATION.exception(prefix, owner, cidr.aligned());
    }
    return cidr;
  }

  /**
   * Checks a virtual network's subnets against its address space and each other.
   *
   * @param subnets each subnet's name and parsed prefixes, in the order the caller gave them
   */
  public void validateSubnets(
      String vnetName, List<Ipv4Cidr> addressSpace, Map<String, List<Ipv4Cidr>> subnets) {
    for (Map.Entry<String, List<Ipv4Cidr>> subnet : subnets.entrySet()) {
      if (subnet.getValue().isEmpty()) {
        throw NetworkError.INVALID_SUBNET.exception(subnet.getKey(), vnetName);
      }
      for (Ipv4Cidr cidr : subnet.getValue()) {
        if (cidr.prefixLength() > MAX_SUBNET_PREFIX_LENGTH) {
          throw NetworkError.INVALID_SUBNET.exception(subnet.getKey(), vnetName);
        }
        if (addressSpace.stream().noneMatch(space -> space.contains(cidr))) {
          throw NetworkError.SUBNET_OUTSIDE_VNET.exception(subnet.getKey(), vnetName);
        }
      }
    }
    List<Map.Entry<String, List<Ipv4Cidr>>> entries = List.copyOf(subnets.entrySet());
    for (int i = 0; i < entries.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (overlap(entries.get(i).getValue(), entries.get(j).getValue())) {
          throw NetworkError.SUBNETS_OVERLAP.exception(entries.get(i).getKey(), vnetName);
        }
      }
    }
  }

  private static boolean overlap(List<Ipv4Cidr> a, List<Ipv4Cidr> b) {
    return a.stream().anyMatch(x -> b.stream().anyMatch(x::overlaps));
  }
}
