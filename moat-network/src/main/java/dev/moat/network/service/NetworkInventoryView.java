package dev.moat.network.service;

import dev.moat.fabric.topology.EndpointAddressView;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.SubnetView;
import dev.moat.fabric.topology.VirtualNetworkView;
import dev.moat.network.model.NetworkInterface;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.VirtualNetwork;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The fabric's view of the networks: every VNet with its subnets, and every private address. The
 * per-connection questions are indexed lookups; the address spaces of all VNets (needed to tell a
 * VNet address from a public one) are kept in memory and dropped whenever a VNet, or a group or
 * subscription holding VNets, changes.
 */
public final class NetworkInventoryView implements NetworkInventory {
  private final NetworkStore store;
  private final Supplier<List<String>> subscriptions;
  private final AtomicLong generation = new AtomicLong();
  private volatile AddressSpaces addressSpaces;

  /** The address spaces of every VNet as of one {@link #generation}. */
  private record AddressSpaces(long generation, List<List<String>> prefixes) {}

  /**
   * @param subscriptions the ids of the subscriptions to look in
   */
  public NetworkInventoryView(NetworkStore store, Supplier<List<String>> subscriptions) {
    this.store = store;
    this.subscriptions = subscriptions;
    store
        .changes()
        .subscribe(
            id -> {
              if (id.type().equals(NetworkTypes.VIRTUAL_NETWORK)
                  || id.isResourceGroup()
                  || id.isSubscription()) {
                generation.incrementAndGet();
              }
            });
  }

  @Override
  public List<VirtualNetworkView> virtualNetworks() {
    List<VirtualNetworkView> out = new ArrayList<>();
    for (String sub : subscriptions.get()) {
      for (VirtualNetwork vnet : store.virtualNetworks().listInSubscription(sub)) {
        out.add(view(vnet));
      }
    }
    return out;
  }

  @Override
  public Optional<VirtualNetworkView> virtualNetwork(ResourceId id) {
    return store.virtualNetworks().get(id).map(this::view);
  }

  private VirtualNetworkView view(VirtualNetwork vnet) {
    List<SubnetView> subnets =
        store.subnets().listChildren(vnet.id()).stream()
            .map(
                s ->
                    new SubnetView(
                        s.id(),
                        s.addressPrefixes(),
                        s.defaultOutboundAccess() == null || s.defaultOutboundAccess()))
            .toList();
    return new VirtualNetworkView(vnet.id(), vnet.location(), vnet.addressPrefixes(), subnets);
  }

  @Override
  public List<EndpointAddressView> endpointAddresses() {
    List<EndpointAddressView> out = new ArrayList<>();
    for (String sub : subscriptions.get()) {
      for (NetworkInterface nic : store.networkInterfaces().listInSubscription(sub)) {
        for (NetworkInterface.IpConfiguration c : nic.ipConfigurations()) {
          out.add(view(nic, c));
        }
      }
    }
    return out;
  }

  @Override
  public List<EndpointAddressView> endpointsIn(ResourceId subnet) {
    return store.addressesIn(subnet).stream().map(a -> view(a.nic(), a.configuration())).toList();
  }

  @Override
  public boolean isVirtualNetworkAddress(String ipAddress, AddressSpaceTest inSpace) {
    long current = generation.get();
    AddressSpaces spaces = addressSpaces;
    if (spaces == null || spaces.generation() != current) {
      List<List<String>> fresh = new ArrayList<>();
      for (String sub : subscriptions.get()) {
        store
            .virtualNetworks()
            .listInSubscription(sub)
            .forEach(v -> fresh.add(v.addressPrefixes()));
      }
      // Stamped with the generation read before listing: a change meanwhile forces a rebuild.
      spaces = new AddressSpaces(current, List.copyOf(fresh));
      addressSpaces = spaces;
    }
    return spaces.prefixes().stream().anyMatch(inSpace::contains)
        || store.addressAssigned(ipAddress);
  }

  private static EndpointAddressView view(
      NetworkInterface nic, NetworkInterface.IpConfiguration c) {
    return new EndpointAddressView(
        nic.id(), c.subnet(), c.privateIPAddress(), c.target(), c.requiredMemberName(), c.fqdns());
  }
}
