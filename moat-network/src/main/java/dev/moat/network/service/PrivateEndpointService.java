package dev.moat.network.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.network.model.NetworkInterface;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.Pending;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.model.ProvisioningState;
import dev.moat.network.model.Subnet;
import dev.moat.network.model.VirtualNetwork;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.kit.Locations;
import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.reconcile.Operation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Private endpoint operations. Creating one gives each required member of its target an address in
 * the subnet and creates the endpoint's read-only NIC, in one transaction.
 */
public final class PrivateEndpointService {
  private final NetworkStore store;
  private final ResourceGroups groups;
  private final Locations locations;
  private final ConnectionResolver connections;
  private final EndpointAddressing addressing;
  private final ZoneRecordWriter zoneRecords;
  private final LongRunningOperations lro;
  private final Clock clock;
  private final PendingDeletes deletes;

  public PrivateEndpointService(
      NetworkStore store,
      ResourceGroups groups,
      Locations locations,
      ConnectionResolver connections,
      EndpointAddressing addressing,
      ZoneRecordWriter zoneRecords,
      LongRunningOperations lro,
      Clock clock) {
    this.store = store;
    this.groups = groups;
    this.locations = locations;
    this.connections = connections;
    this.addressing = addressing;
    this.zoneRecords = zoneRecords;
    this.lro = lro;
    this.clock = clock;
    this.deletes = new PendingDeletes(store, lro, clock);
  }

  public Written<PrivateEndpoint> createOrUpdate(ResourceId id, PrivateEndpointSpec spec) {
    String location = locations.require(spec.location(), NetworkTypes.PRIVATE_ENDPOINT.value());
    ResourceId group = id.resourceGroupId().orElseThrow();
    groups.requireActive(group);
    if (spec.subnetId() == null) {
      throw NetworkError.INVALID_REQUEST_FORMAT.exception();
    }
    ResourceId subnetRef = ResourceId.parse(spec.subnetId());
    List<PrivateEndpointSpec.ConnectionSpec> requested = new ArrayList<>(spec.connections());
    List<ConnectionResolver.Resolved> resolved = connections.resolve(id, requested);
    Written<PrivateEndpoint> written =
        store
            .database()
            .inTransaction(
                c -> {
                  Optional<PrivateEndpoint> existing = store.privateEndpoints().get(id);
                  ResourceId peId = existing.map(PrivateEndpoint::id).orElse(id);
                  Subnet subnet = requireSubnet(subnetRef, peId, location);
                  existing
                      .filter(pe -> !pe.subnet().equals(subnet.id()))
                      .ifPresent(
                          pe -> {
                            throw NetworkError.SUBNET_CHANGE.exception(
                                peId, pe.subnet(), subnet.id());
                          });
                  ResourceId nicId =
                      existing
                          .map(PrivateEndpoint::networkInterface)
                          .orElseGet(
                              () -> newNicId(group, peId, spec.customNetworkInterfaceName()));
                  List<PrivateEndpoint.MemberAddress> members =
                      addressing.assign(
                          peId,
                          subnet,
                          resolved,
                          spec.staticIpConfigurations() == null
                              ? List.of()
                              : spec.staticIpConfigurations(),
                          existing,
                          nicId);
                  PrivateEndpoint pe =
                      new PrivateEndpoint(
                          peId,
                          location,
                          spec.tags(),
                          subnet.id(),
                          resolved.stream().map(ConnectionResolver.Resolved::connection).toList(),
                          spec.staticIpConfigurations(),
                          existing
                              .map(PrivateEndpoint::customNetworkInterfaceName)
                              .orElse(spec.customNetworkInterfaceName()),
                          nicId,
                          members,
                          Pending.updating(clock.instant()));
                  store.privateEndpoints().put(peId, pe);
                  store.networkInterfaces().put(nicId, nicOf(pe, subnet, existing.isPresent()));
                  zoneRecords.resync(pe);
                  Operation op = lro.start(peId, existing.isPresent() ? "Update" : "Create");
                  return new Written<>(pe, existing.isEmpty(), op);
                });
    lro.reconcile(written.value().id());
    return written;
  }

  private Subnet requireSubnet(ResourceId subnetRef, ResourceId endpoint, String location) {
    Subnet subnet =
        store
            .subnets()
            .get(subnetRef)
            .filter(s -> !s.status().is(ProvisioningState.Deleting))
            .orElseThrow(
                () -> NetworkError.INVALID_RESOURCE_REFERENCE.exception(subnetRef, endpoint));
    Optional<VirtualNetwork> vnet = store.virtualNetworks().get(subnet.id().parent().orElseThrow());
    if (vnet.isEmpty() || !vnet.get().location().equals(location)) {
      throw NetworkError.INVALID_RESOURCE_REFERENCE.exception(subnetRef, endpoint);
    }
    if (!subnet.delegations().isEmpty()) {
      throw NetworkError.SUBNET_DELEGATED.exception(endpoint, subnet.id());
    }
    return subnet;
  }

  private ResourceId newNicId(ResourceId group, ResourceId endpoint, String customName) {
    String name =
        customName == null || customName.isBlank()
            ? endpoint.name() + ".nic." + UUID.randomUUID()
            : customName;
    ResourceId nicId = group.provider(NetworkTypes.NAMESPACE, "networkInterfaces", name);
    if (store.networkInterfaces().get(nicId).isPresent()) {
      throw NetworkError.NIC_NAME_TAKEN.exception(nicId, endpoint);
    }
    return nicId;
  }

  private NetworkInterface nicOf(PrivateEndpoint pe, Subnet subnet, boolean update) {
    String guid =
        update
            ? store
                .networkInterfaces()
                .get(pe.networkInterface())
                .map(NetworkInterface::resourceGuid)
                .orElse(UUID.randomUUID().toString())
            : UUID.randomUUID().toString();
    List<NetworkInterface.IpConfiguration> configs = new ArrayList<>();
    for (PrivateEndpoint.MemberAddress m : pe.members()) {
      configs.add(
          new NetworkInterface.IpConfiguration(
              m.ipConfigurationName(),
              subnet.id(),
              m.ipAddress(),
              m.isStatic(),
              configs.isEmpty(),
              m.target(),
              m.groupId(),
              m.memberName(),
              m.fqdns()));
    }
    return new NetworkInterface(pe.networkInterface(), pe.location(), pe.id(), configs, guid);
  }

  public PrivateEndpoint get(ResourceId id) {
    return store.privateEndpoints().get(id).orElseThrow(() -> VirtualNetworkService.notFound(id));
  }

  /** The PrivateEndpoints in a resource group, or in the whole subscription. */
  public List<PrivateEndpoint> listIn(ResourceId scope) {
    return TableRepository.listIn(store.privateEndpoints(), scope);
  }

  /** Whether the endpoint has a DNS zone group (Azure then stops showing customDnsConfigs). */
  public boolean hasZoneGroup(PrivateEndpoint pe) {
    return !store.dnsZoneGroups().listChildren(pe.id()).isEmpty();
  }

  public PrivateEndpoint updateTags(ResourceId id, Map<String, String> tags) {
    return store
        .database()
        .inTransaction(
            c -> {
              PrivateEndpoint updated = tags == null ? get(id) : get(id).withTags(tags);
              store.privateEndpoints().put(updated.id(), updated);
              return updated;
            });
  }

  /** Starts deleting the endpoint, its NIC and its DNS records; empty when there is none. */
  public Optional<Written<PrivateEndpoint>> beginDelete(ResourceId id) {
    return deletes.begin(store.privateEndpoints(), id, this::get, pe -> {});
  }
}
