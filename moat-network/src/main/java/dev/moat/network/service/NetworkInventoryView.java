package dev.moat.network.service;

import dev.moat.fabric.topology.EndpointAddressView;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.SubnetView;
import dev.moat.fabric.topology.VirtualNetworkView;
import dev.moat.network.model.NetworkInterface;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The fabric's view of the networks: every VNet with its subnets, and every private address. */
public final class NetworkInventoryView implements NetworkInventory {
  private final NetworkStore store;
  private final Supplier<List<String>> subscriptions;

  /**
   * @param subscriptions the ids of the subscriptions to look in
   */
  public NetworkInventoryView(NetworkStore store, Supplier<List<String>> subscriptions) {
    this.store = store;
    this.subscriptions = subscriptions;
  }

  @Override
  public List<VirtualNetworkView> virtualNetworks() {
    List<VirtualNetworkView> out = new ArrayList<>();
    for (String sub : subscriptions.get()) {
      for (VirtualNetwork vnet : store.virtualNetworks().listInSubscription(sub)) {
        List<SubnetView> subnets =
            store.subnets().listChildren(vnet.id()).stream()
                .map(
                    s ->
                        new SubnetView(
                            s.id(),
                            s.addressPrefixes(),
                            s.defaultOutboundAccess() == null || s.defaultOutboundAccess()))
                .toList();
        out.add(
            new VirtualNetworkView(vnet.id(), vnet.location(), vnet.addressPrefixes(), subnets));
      }
    }
    return out;
  }

  @Override
  public List<EndpointAddressView> endpointAddresses() {
    List<EndpointAddressView> out = new ArrayList<>();
    for (String sub : subscriptions.get()) {
      for (NetworkInterface nic : store.networkInterfaces().listInSubscription(sub)) {
        for (NetworkInterface.IpConfiguration c : nic.ipConfigurations()) {
          out.add(
              new EndpointAddressView(
                  nic.id(),
                  c.subnet(),
                  c.privateIPAddress(),
                  c.target(),
                  c.requiredMemberName(),
                  c.fqdns()));
        }
      }
    }
    return out;
  }
}
