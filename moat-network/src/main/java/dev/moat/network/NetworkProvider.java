package dev.moat.network;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.network.http.DnsZoneGroupRoutes;
import dev.moat.network.http.NetworkInterfaceRoutes;
import dev.moat.network.http.PrivateEndpointRoutes;
import dev.moat.network.http.SubnetRoutes;
import dev.moat.network.http.VirtualNetworkRoutes;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.reconcile.DnsZoneGroupReconciler;
import dev.moat.network.reconcile.PrivateEndpointReconciler;
import dev.moat.network.reconcile.ProvisioningDelay;
import dev.moat.network.reconcile.SubnetReconciler;
import dev.moat.network.reconcile.VirtualNetworkReconciler;
import dev.moat.network.service.AddressAllocator;
import dev.moat.network.service.ConnectionResolver;
import dev.moat.network.service.DnsZoneGroupService;
import dev.moat.network.service.EndpointAddressing;
import dev.moat.network.service.EndpointConnectionsView;
import dev.moat.network.service.NetworkInterfaceService;
import dev.moat.network.service.NetworkInventoryView;
import dev.moat.network.service.OwnedAddresses;
import dev.moat.network.service.PrivateEndpointService;
import dev.moat.network.service.SubnetService;
import dev.moat.network.service.SubnetUsage;
import dev.moat.network.service.VirtualNetworkService;
import dev.moat.network.service.ZoneRecordPlanner;
import dev.moat.network.service.ZoneRecordWriter;
import dev.moat.network.validation.AddressSpaceValidator;
import dev.moat.platform.contracts.PrivateDnsRecords;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.contracts.PrivateLinkTargets;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.contracts.SubnetAddresses;
import dev.moat.platform.kit.Locations;
import dev.moat.platform.reconcile.Reconciler;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Microsoft.Network}: virtual networks and subnets, private endpoints with their DNS zone
 * groups, and the read-only NICs of private endpoints.
 */
public final class NetworkProvider implements ResourceProvider {
  private final List<ArmOperation> operations = new ArrayList<>();
  private final List<Reconciler> reconcilers;
  private final NetworkInventory inventory;
  private final PrivateEndpointConnections connections;
  private final SubnetAddresses subnetAddresses;

  public NetworkProvider(
      ProviderContext context,
      ResourceGroups groups,
      PrivateLinkTargets privateLinkTargets,
      PrivateDnsRecords privateDnsRecords) {
    NetworkStore store = new NetworkStore(context.documents());
    AddressAllocator allocator = new AddressAllocator();
    AddressSpaceValidator addressSpace = new AddressSpaceValidator();
    Locations locations = new Locations(context.regions());
    SubnetUsage usage = new SubnetUsage(store, allocator);
    ZoneRecordPlanner planner = new ZoneRecordPlanner(privateDnsRecords);
    ZoneRecordWriter zoneRecords = new ZoneRecordWriter(store, privateDnsRecords, planner);
    var lro = context.lro();
    var clock = context.clock();

    VirtualNetworkService vnets =
        new VirtualNetworkService(store, groups, locations, addressSpace, usage, lro, clock);
    SubnetService subnets = new SubnetService(store, addressSpace, usage, lro, clock);
    PrivateEndpointService endpoints =
        new PrivateEndpointService(
            store,
            groups,
            locations,
            new ConnectionResolver(privateLinkTargets),
            new EndpointAddressing(usage, allocator),
            zoneRecords,
            lro,
            clock);
    DnsZoneGroupService zoneGroups =
        new DnsZoneGroupService(store, planner, zoneRecords, lro, clock);

    operations.addAll(new VirtualNetworkRoutes(vnets, store, usage, groups, lro).operations());
    operations.addAll(new SubnetRoutes(subnets, usage, lro).operations());
    operations.addAll(new PrivateEndpointRoutes(endpoints, groups, lro).operations());
    operations.addAll(new DnsZoneGroupRoutes(zoneGroups, lro).operations());
    operations.addAll(
        new NetworkInterfaceRoutes(new NetworkInterfaceService(store), groups).operations());

    ProvisioningDelay delay = new ProvisioningDelay(clock, context.settings().provisioningDelay());
    this.reconcilers =
        List.of(
            new VirtualNetworkReconciler(store, delay),
            new SubnetReconciler(store, delay),
            new PrivateEndpointReconciler(store, zoneRecords, delay),
            new DnsZoneGroupReconciler(store, zoneRecords, delay));
    Tenancy tenancy = context.tenancy();
    this.inventory =
        new NetworkInventoryView(
            store, () -> tenancy.subscriptions().stream().map(s -> s.subscriptionId()).toList());
    this.connections = new EndpointConnectionsView(store);
    this.subnetAddresses = new OwnedAddresses(store, usage, allocator);
  }

  /**
   * Addresses for cluster nodes and API servers, from the same pool as private endpoints (for the
   * container service provider).
   */
  public SubnetAddresses subnetAddresses() {
    return subnetAddresses;
  }

  /** The fabric's view: VNets with subnets, and every private address with what it serves. */
  public NetworkInventory inventory() {
    return inventory;
  }

  /** The private endpoints connected to a resource (for the target's provider). */
  public PrivateEndpointConnections connections() {
    return connections;
  }

  @Override
  public String namespace() {
    return NetworkTypes.NAMESPACE;
  }

  @Override
  public List<ArmOperation> operations() {
    return List.copyOf(operations);
  }

  @Override
  public List<Reconciler> reconcilers() {
    return reconcilers;
  }
}
