package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.Database;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;
import java.util.List;

/**
 * The provider's tables, one per resource type, on the shared resource store, plus the cross-type
 * queries the services need. Every method joins the caller's transaction.
 */
public final class NetworkStore {
  private final Database database;
  private final ResourceTable<VirtualNetwork> virtualNetworks;
  private final ResourceTable<Subnet> subnets;
  private final ResourceTable<PrivateEndpoint> privateEndpoints;
  private final ResourceTable<DnsZoneGroup> dnsZoneGroups;
  private final ResourceTable<NetworkInterface> networkInterfaces;

  public NetworkStore(ResourceDocuments documents) {
    this.database = documents.database();
    this.virtualNetworks =
        new ResourceTable<>(documents, NetworkTypes.VIRTUAL_NETWORK, VirtualNetwork.class);
    this.subnets = new ResourceTable<>(documents, NetworkTypes.SUBNET, Subnet.class);
    this.privateEndpoints =
        new ResourceTable<>(documents, NetworkTypes.PRIVATE_ENDPOINT, PrivateEndpoint.class);
    this.dnsZoneGroups =
        new ResourceTable<>(documents, NetworkTypes.DNS_ZONE_GROUP, DnsZoneGroup.class);
    this.networkInterfaces =
        new ResourceTable<>(documents, NetworkTypes.NETWORK_INTERFACE, NetworkInterface.class);
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

  /** Every IP configuration, of any NIC in the subnet's subscription, that lies in the subnet. */
  public List<NicAddress> addressesIn(ResourceId subnet) {
    return networkInterfaces.listInSubscription(subnet.subscriptionId()).stream()
        .flatMap(
            nic ->
                nic.ipConfigurations().stream()
                    .filter(c -> c.subnet().equals(subnet))
                    .map(c -> new NicAddress(nic, c)))
        .toList();
  }

  /** The private endpoints whose subnet is {@code subnet}. */
  public List<PrivateEndpoint> endpointsIn(ResourceId subnet) {
    return privateEndpoints.listInSubscription(subnet.subscriptionId()).stream()
        .filter(pe -> pe.subnet().equals(subnet))
        .toList();
  }

  /** An IP configuration together with its NIC. */
  public record NicAddress(NetworkInterface nic, NetworkInterface.IpConfiguration configuration) {
    public ResourceId configurationId() {
      return nic.id().child("ipConfigurations", configuration.name());
    }
  }
}
