package dev.moat.network.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.network.model.Ipv4Cidr;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.Pending;
import dev.moat.network.model.Subnet;
import dev.moat.network.model.VirtualNetwork;
import dev.moat.network.validation.AddressSpaceValidator;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.kit.Locations;
import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.reconcile.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Virtual network operations. A PUT replaces the set of subnets with its inline {@code subnets}, as
 * Azure does: subnets it omits are deleted (refused while in use).
 */
public final class VirtualNetworkService {
  private final NetworkStore store;
  private final ResourceGroups groups;
  private final Locations locations;
  private final AddressSpaceValidator addressSpace;
  private final SubnetFactory subnets;
  private final SubnetUsage usage;
  private final LongRunningOperations lro;
  private final Clock clock;
  private final PendingDeletes deletes;

  public VirtualNetworkService(
      NetworkStore store,
      ResourceGroups groups,
      Locations locations,
      AddressSpaceValidator addressSpace,
      SubnetUsage usage,
      LongRunningOperations lro,
      Clock clock) {
    this.store = store;
    this.groups = groups;
    this.locations = locations;
    this.addressSpace = addressSpace;
    this.subnets = new SubnetFactory(addressSpace);
    this.usage = usage;
    this.lro = lro;
    this.clock = clock;
    this.deletes = new PendingDeletes(store, lro, clock);
  }

  public Written<VirtualNetwork> createOrUpdate(ResourceId id, VirtualNetworkSpec spec) {
    String location = locations.require(spec.location(), NetworkTypes.VIRTUAL_NETWORK.value());
    groups.requireActive(id.resourceGroupId().orElseThrow());
    List<String> prefixes =
        spec.addressPrefixes() == null ? List.<String>of() : spec.addressPrefixes();
    List<Ipv4Cidr> space = addressSpace.parse(prefixes, id);
    Instant now = clock.instant();
    Map<String, Subnet> desired = new LinkedHashMap<>();
    for (SubnetSpec s : spec.subnets() == null ? List.<SubnetSpec>of() : spec.subnets()) {
      if (s.name() == null || s.name().isBlank()) {
        throw NetworkError.INVALID_REQUEST_FORMAT.exception();
      }
      desired.put(
          s.name().toLowerCase(java.util.Locale.ROOT),
          subnets.build(id.child("subnets", s.name()), s, id.name(), now));
    }
    Map<String, List<Ipv4Cidr>> byName = new LinkedHashMap<>();
    desired.values().forEach(s -> byName.put(s.id().name(), s.cidrs()));
    addressSpace.validateSubnets(id.name(), space, byName);
    Written<VirtualNetwork> written =
        store
            .database()
            .inTransaction(
                c -> {
                  Optional<VirtualNetwork> existing = store.virtualNetworks().get(id);
                  existing
                      .filter(v -> !v.location().equals(location))
                      .ifPresent(
                          v -> {
                            throw NetworkError.LOCATION_CONFLICT.exception(
                                id.name(),
                                v.location(),
                                id.resourceGroup().orElseThrow(),
                                location);
                          });
                  List<Subnet> current = store.subnets().listChildren(id);
                  for (Subnet old : current) {
                    Subnet replacement =
                        desired.get(old.id().name().toLowerCase(java.util.Locale.ROOT));
                    if (replacement == null) {
                      usage.requireUnused(old.id());
                    } else {
                      usage.requireFits(replacement);
                    }
                  }
                  current.stream()
                      .filter(
                          old ->
                              !desired.containsKey(
                                  old.id().name().toLowerCase(java.util.Locale.ROOT)))
                      .forEach(old -> store.subnets().delete(old.id()));
                  desired
                      .values()
                      .forEach(s -> store.subnets().put(s.id(), keepCasing(s, current)));
                  VirtualNetwork vnet =
                      new VirtualNetwork(
                          existing.map(VirtualNetwork::id).orElse(id),
                          location,
                          spec.tags(),
                          space.stream().map(Ipv4Cidr::toString).toList(),
                          spec.dnsServers(),
                          spec.flowTimeoutInMinutes(),
                          existing
                              .map(VirtualNetwork::resourceGuid)
                              .orElse(UUID.randomUUID().toString()),
                          Pending.updating(now));
                  store.virtualNetworks().put(vnet.id(), vnet);
                  Operation op = lro.start(vnet.id(), existing.isPresent() ? "Update" : "Create");
                  return new Written<>(vnet, existing.isEmpty(), op);
                });
    lro.reconcile(written.value().id());
    return written;
  }

  /** An existing subnet keeps the casing of its stored name. */
  private static Subnet keepCasing(Subnet s, List<Subnet> current) {
    return current.stream()
        .filter(old -> old.id().equals(s.id()))
        .findFirst()
        .map(
            old ->
                new Subnet(
                    old.id(),
                    s.addressPrefixes(),
                    s.prefixList(),
                    s.privateEndpointNetworkPolicies(),
                    s.privateLinkServiceNetworkPolicies(),
                    s.defaultOutboundAccess(),
                    s.delegations(),
                    s.networkSecurityGroup(),
                    s.routeTable(),
                    s.natGateway(),
                    s.status()))
        .orElse(s);
  }

  public VirtualNetwork get(ResourceId id) {
    return store.virtualNetworks().get(id).orElseThrow(() -> notFound(id));
  }

  /** The VirtualNetworks in a resource group, or in the whole subscription. */
  public List<VirtualNetwork> listIn(ResourceId scope) {
    return TableRepository.listIn(store.virtualNetworks(), scope);
  }

  public VirtualNetwork updateTags(ResourceId id, Map<String, String> tags) {
    return store
        .database()
        .inTransaction(
            c -> {
              VirtualNetwork updated = tags == null ? get(id) : get(id).withTags(tags);
              store.virtualNetworks().put(updated.id(), updated);
              return updated;
            });
  }

  /**
   * Starts deleting the network and its subnets; refused while any subnet is in use. Empty when
   * there is nothing to delete (Azure answers 204).
   */
  public Optional<Written<VirtualNetwork>> beginDelete(ResourceId id) {
    return deletes.begin(
        store.virtualNetworks(),
        id,
        this::get,
        vnet -> store.subnets().listChildren(vnet.id()).forEach(s -> usage.requireUnused(s.id())));
  }

  static RuntimeException notFound(ResourceId id) {
    return CommonError.RESOURCE_NOT_FOUND.exception(
        id.type().value() + "/" + id.name(), id.resourceGroup().orElse(""));
  }
}
