package dev.moat.network.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.network.model.Ipv4Cidr;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.Subnet;
import dev.moat.network.model.VirtualNetwork;
import dev.moat.network.validation.AddressSpaceValidator;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operations on subnets as child resources of a virtual network. */
public final class SubnetService {
  private final NetworkStore store;
  private final AddressSpaceValidator addressSpace;
  private final SubnetFactory factory;
  private final SubnetUsage usage;
  private final LongRunningOperations lro;
  private final Clock clock;
  private final PendingDeletes deletes;

  public SubnetService(
      NetworkStore store,
      AddressSpaceValidator addressSpace,
      SubnetUsage usage,
      LongRunningOperations lro,
      Clock clock) {
    this.store = store;
    this.addressSpace = addressSpace;
    this.factory = new SubnetFactory(addressSpace);
    this.usage = usage;
    this.lro = lro;
    this.clock = clock;
    this.deletes = new PendingDeletes(store, lro, clock);
  }

  public Written<Subnet> createOrUpdate(ResourceId id, SubnetSpec spec) {
    ResourceId vnetId = id.parent().orElseThrow();
    Instant now = clock.instant();
    Written<Subnet> written =
        store
            .database()
            .inTransaction(
                c -> {
                  VirtualNetwork vnet =
                      store
                          .virtualNetworks()
                          .get(vnetId)
                          .orElseThrow(() -> VirtualNetworkService.notFound(vnetId));
                  Optional<Subnet> existing = store.subnets().get(id);
                  ResourceId subnetId =
                      existing.map(Subnet::id).orElse(vnet.id().child("subnets", id.name()));
                  Subnet subnet = factory.build(subnetId, spec, vnet.id().name(), now);
                  Map<String, List<Ipv4Cidr>> all = new LinkedHashMap<>();
                  store.subnets().listChildren(vnet.id()).stream()
                      .filter(s -> !s.id().equals(subnetId))
                      .forEach(s -> all.put(s.id().name(), s.cidrs()));
                  // Last, so an overlap names the subnet being written.
                  all.put(subnetId.name(), subnet.cidrs());
                  addressSpace.validateSubnets(
                      vnet.id().name(), addressSpace.parse(vnet.addressPrefixes(), vnet.id()), all);
                  if (existing.isPresent()) {
                    usage.requireFits(subnet);
                  }
                  store.subnets().put(subnetId, subnet);
                  Operation op = lro.start(subnetId, existing.isPresent() ? "Update" : "Create");
                  return new Written<>(subnet, existing.isEmpty(), op);
                });
    lro.reconcile(written.value().id());
    return written;
  }

  public Subnet get(ResourceId id) {
    return store
        .subnets()
        .get(id)
        .orElseThrow(
            () -> {
              ResourceId vnet = id.parent().orElseThrow();
              return store.virtualNetworks().get(vnet).isEmpty()
                  ? VirtualNetworkService.notFound(vnet)
                  : NetworkError.CHILD_NOT_FOUND.exception(id);
            });
  }

  public List<Subnet> list(ResourceId vnetId) {
    VirtualNetwork vnet =
        store
            .virtualNetworks()
            .get(vnetId)
            .orElseThrow(() -> VirtualNetworkService.notFound(vnetId));
    return store.subnets().listChildren(vnet.id());
  }

  /** The network a subnet belongs to (for its location). */
  public VirtualNetwork network(Subnet subnet) {
    ResourceId vnet = subnet.id().parent().orElseThrow();
    return store
        .virtualNetworks()
        .get(vnet)
        .orElseThrow(() -> VirtualNetworkService.notFound(vnet));
  }

  /** Starts deleting a subnet; refused while in use; empty when there is nothing to delete. */
  public Optional<Written<Subnet>> beginDelete(ResourceId id) {
    return deletes.begin(
        store.subnets(), id, this::get, subnet -> usage.requireUnused(subnet.id()));
  }
}
