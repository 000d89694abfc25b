package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.Database;
import dev.moat.platform.store.ResourceChanges;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceIndex;
import dev.moat.platform.store.ResourceTable;
import java.util.List;

/**
 * The provider's tables, one per resource type, on the shared resource store, plus the cross-type
 * queries the services need. Every method joins the caller's transaction.
 */
public final class NetworkStore {
  /** NICs by the subnets of their IP configurations. */
  static final ResourceIndex<NetworkInterface> NICS_BY_SUBNET =
      ResourceIndex.byIds(
          "subnet",
          nic ->
              nic.ipConfigurations().stream()
                  .map(NetworkInterface.IpConfiguration::subnet)
                  .toList());

  /** NICs by the private IP addresses of their IP configurations. */
  static final ResourceIndex<NetworkInterface> NICS_BY_ADDRESS =
      new ResourceIndex<>(
          "address",
          nic ->
              nic.ipConfigurations().stream()
                  .map(NetworkInterface.IpConfiguration::privateIPAddress)
                  .toList());

  /** Private endpoints by their subnet. */
  static final ResourceIndex<PrivateEndpoint> ENDPOINTS_BY_SUBNET =
      ResourceIndex.byId("subnet", PrivateEndpoint::subnet);

  /** Private endpoints by the resources they connect to. */
  static final ResourceIndex<PrivateEndpoint> ENDPOINTS_BY_TARGET =
      ResourceIndex.byIds(
          "target",
          pe -> pe.connections().stream().map(PrivateEndpoint.ServiceConnection::target).toList());

  private final Database database;
  private final ResourceChanges changes;
  private final ResourceTable<VirtualNetwork> virtualNetworks;
  private final ResourceTable<Subnet> subnets;
  private final ResourceTable<PrivateEndpoint> privateEndpoints;
  private final ResourceTable<DnsZoneGroup> dnsZoneGroups;
  private final ResourceTable<NetworkInterface> networkInterfaces;

  public NetworkStore(ResourceDocuments documents) {
    this.database = documents.database();
    this.changes = documents.changes();
    this.virtualNetworks =
        new ResourceTable<>(documents, NetworkTypes.VIRTUAL_NETWORK, VirtualNetwork.class);
    this.subnets = new ResourceTable<>(documents, NetworkTypes.SUBNET, Subnet.class);
    this.privateEndpoints =
        new ResourceTable<>(
            documents,
            NetworkTypes.PRIVATE_ENDPOINT,
            PrivateEndpoint.class,
            List.of(ENDPOINTS_BY_SUBNET, ENDPOINTS_BY_TARGET));
    this.dnsZoneGroups =
        new ResourceTable<>(documents, NetworkTypes.DNS_ZONE_GROUP, DnsZoneGroup.class);
    this.networkInterfaces =
        new ResourceTable<>(
            documents,
            NetworkTypes.NETWORK_INTERFACE,
            NetworkInterface.class,
            List.of(NICS_BY_SUBNET, NICS_BY_ADDRESS));
  }

  public Database database() {
    return database;
  }

  public ResourceTable<VirtualNetwork> virtualNetworks() {
    return virtualNetworks;
  }

  public ResourceTable<Subnet> subnets() {
    return subnets;
  }

  public ResourceTable<PrivateEndpoint> privateEndpoints() {
    return privateEndpoints;
  }

  public ResourceTable<DnsZoneGroup> dnsZoneGroups() {
    return dnsZoneGroups;
  }

  public ResourceTable<NetworkInterface> networkInterfaces() {
    return networkInterfaces;
  }

  /** Every IP configuration, of any NIC, that lies in the subnet (an indexed lookup). */
  public List<NicAddress> addressesIn(ResourceId subnet) {
    return networkInterfaces.findBy(NICS_BY_SUBNET, subnet).stream()
        .flatMap(
            nic ->
                nic.ipConfigurations().stream()
                    .filter(c -> c.subnet().equals(subnet))
                    .map(c -> new NicAddress(nic, c)))
        .toList();
  }

  /** The private endpoints whose subnet is {@code subnet} (an indexed lookup). */
  public List<PrivateEndpoint> endpointsIn(ResourceId subnet) {
    return privateEndpoints.findBy(ENDPOINTS_BY_SUBNET, subnet);
  }

  /** Whether any IP configuration lies in the subnet; decodes nothing. */
  public boolean subnetInUse(ResourceId subnet) {
    return networkInterfaces.anyBy(NICS_BY_SUBNET, subnet);
  }

  /** Whether some NIC has an IP configuration with {@code ipAddress}, in any subnet. */
  public boolean addressAssigned(String ipAddress) {
    return networkInterfaces.anyBy(NICS_BY_ADDRESS, ipAddress);
  }

  /** Committed writes and deletes of any resource (to keep in-memory views current). */
  public ResourceChanges changes() {
    return changes;
  }

  /** The private endpoints with a connection to {@code target} (an indexed lookup). */
  public List<PrivateEndpoint> endpointsTo(ResourceId target) {
    return privateEndpoints.findBy(ENDPOINTS_BY_TARGET, target);
  }

  /** An IP configuration together with its NIC. */
  public record NicAddress(NetworkInterface nic, NetworkInterface.IpConfiguration configuration) {
    public ResourceId configurationId() {
      return nic.id().child("ipConfigurations", configuration.name());
    }
  }
}
