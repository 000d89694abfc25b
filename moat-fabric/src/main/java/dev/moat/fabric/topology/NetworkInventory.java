package dev.moat.fabric.topology;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * The virtual networks and private addresses that exist now. Implemented by the network provider.
 *
 * <p>The narrow questions ({@link #virtualNetwork}, {@link #endpointsIn}, {@link
 * #isVirtualNetworkAddress}) are what the fabric asks on every connection and DNS query; their
 * defaults filter the full lists, and a store-backed inventory answers them from indexes so their
 * cost does not grow with everything else that exists.
 */
public interface NetworkInventory {
  List<VirtualNetworkView> virtualNetworks();

  List<EndpointAddressView> endpointAddresses();

  /** One virtual network with its subnets, if it exists. */
  default Optional<VirtualNetworkView> virtualNetwork(ResourceId id) {
    return virtualNetworks().stream().filter(v -> v.id().equals(id)).findFirst();
  }

  /** The private addresses in one subnet. */
  default List<EndpointAddressView> endpointsIn(ResourceId subnet) {
    return endpointAddresses().stream().filter(e -> e.subnet().equals(subnet)).toList();
  }

  /**
   * Whether {@code ipAddress} lies in some virtual network's address space or is some private
   * endpoint's address.
   */
  default boolean isVirtualNetworkAddress(String ipAddress, AddressSpaceTest inSpace) {
    return virtualNetworks().stream().anyMatch(v -> inSpace.contains(v.addressPrefixes()))
        || endpointAddresses().stream().anyMatch(e -> ipAddress.equals(e.ipAddress()));
  }

  /** Whether an address lies in one of a set of CIDR prefixes (the fabric's parser decides). */
  @FunctionalInterface
  interface AddressSpaceTest {
    boolean contains(List<String> prefixes);
  }
}
