package dev.moat.fabric.topology;

import java.util.List;

/**
 * The virtual networks and private addresses that exist now. Implemented by the network provider.
 */
public interface NetworkInventory {
  List<VirtualNetworkView> virtualNetworks();

  List<EndpointAddressView> endpointAddresses();
}
