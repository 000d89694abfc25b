package dev.moat.network.service;

import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.Subnet;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What uses a subnet's addresses, and the checks that protect them. */
public final class SubnetUsage {
  private final NetworkStore store;
  private final AddressAllocator allocator;

  public SubnetUsage(NetworkStore store, AddressAllocator allocator) {
    this.store = store;
    this.allocator = allocator;
  }

  /** The addresses in use in the subnet, optionally ignoring one NIC (the one being rewritten). */
  public Set<String> usedAddresses(ResourceId subnet, ResourceId exceptNic) {
    return store.addressesIn(subnet).stream()
        .filter(a -> !a.nic().id().equals(exceptNic))
        .map(a -> a.configuration().privateIPAddress())
        .collect(Collectors.toSet());
  }

  /** The ids of the IP configurations in the subnet (its {@code ipConfigurations}). */
  public List<ResourceId> ipConfigurationIds(ResourceId subnet) {
    return store.addressesIn(subnet).stream()
        .map(NetworkStore.NicAddress::configurationId)
        .toList();
  }

  /** The private endpoints in the subnet (its {@code privateEndpoints}). */
  public List<ResourceId> endpointIds(ResourceId subnet) {
    return store.endpointsIn(subnet).stream().map(pe -> pe.id()).toList();
  }

  /** Refuses to delete a subnet that any IP configuration uses. */
  public void requireUnused(ResourceId subnet) {
    List<NetworkStore.NicAddress> used = store.addressesIn(subnet);
    if (!used.isEmpty()) {
      throw NetworkError.IN_USE_SUBNET_CANNOT_BE_DELETED.exception(
          subnet.name(), used.get(0).configurationId());
    }
  }

  /** Refuses new prefixes for a subnet that would leave an address in use outside them. */
  public void requireFits(Subnet updated) {
    for (NetworkStore.NicAddress used : store.addressesIn(updated.id())) {
      String ip = used.configuration().privateIPAddress();
      if (!allocator.usable(updated.cidrs(), ip)) {
        throw NetworkError.IN_USE_SUBNET_CANNOT_BE_UPDATED.exception(
            updated.id().name(), used.configurationId(), ip);
      }
    }
  }
}
