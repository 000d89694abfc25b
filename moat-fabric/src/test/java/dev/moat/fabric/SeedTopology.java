package dev.moat.fabric;

import dev.moat.fabric.topology.EndpointAddressView;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.PrivateZoneInventory;
import dev.moat.fabric.topology.PrivateZoneView;
import dev.moat.fabric.topology.PrivateZoneView.ARecordView;
import dev.moat.fabric.topology.PublicNameInventory;
import dev.moat.fabric.topology.PublicNameView;
import dev.moat.fabric.topology.SubnetView;
import dev.moat.fabric.topology.VirtualNetworkView;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-memory inventories holding the BYO-ACR layout of the network-isolated AKS how-to: VNet
 * 192.168.0.0/16 with an AKS subnet (192.168.1.0/24) and an ACR subnet (192.168.2.0/24), a private
 * endpoint with 192.168.2.4 (registry) and 192.168.2.5 (registry_data_eastus), the zone {@code
 * privatelink.azurecr.io} linked to the VNet with records {@code myacr} and {@code
 * myacr.eastus.data}, and registry {@code myacr} with public network access disabled.
 */
public final class SeedTopology
    implements NetworkInventory, PrivateZoneInventory, PublicNameInventory {
  public static final ResourceId RG =
      ResourceId.resourceGroup("00000000-0000-0000-0000-000000000001", "rg1");
  public static final ResourceId VNET =
      RG.provider("Microsoft.Network", "virtualNetworks", "vnet1");
  public static final ResourceId AKS_SUBNET = VNET.child("subnets", "aks-subnet");
  public static final ResourceId ACR_SUBNET = VNET.child("subnets", "acr-subnet");
  public static final ResourceId OTHER_VNET =
      RG.provider("Microsoft.Network", "virtualNetworks", "vnet2");
  public static final ResourceId OTHER_SUBNET = OTHER_VNET.child("subnets", "default");
  public static final ResourceId REGISTRY =
      RG.provider("Microsoft.ContainerRegistry", "registries", "myacr");
  public static final ResourceId PE_NIC =
      RG.provider("Microsoft.Network", "networkInterfaces", "myPrivateEndpoint.nic.1");
  public static final ResourceId ZONE =
      RG.provider("Microsoft.Network", "privateDnsZones", "privatelink.azurecr.io");
  public static final String REGISTRY_IP = "192.168.2.4";
  public static final String DATA_IP = "192.168.2.5";

  public final List<VirtualNetworkView> vnets = new CopyOnWriteArrayList<>();
  public final List<EndpointAddressView> endpoints = new CopyOnWriteArrayList<>();
  public final List<PrivateZoneView> zones = new CopyOnWriteArrayList<>();
  public final List<PublicNameView> names = new CopyOnWriteArrayList<>();

  public SeedTopology() {
    vnets.add(
        new VirtualNetworkView(
            VNET,
            "eastus",
            List.of("192.168.0.0/16"),
            List.of(
                new SubnetView(AKS_SUBNET, List.of("192.168.1.0/24"), true),
                new SubnetView(ACR_SUBNET, List.of("192.168.2.0/24"), true))));
    endpoints.add(
        new EndpointAddressView(
            PE_NIC, ACR_SUBNET, REGISTRY_IP, REGISTRY, "registry", List.of("myacr.azurecr.io")));
    endpoints.add(
        new EndpointAddressView(
            PE_NIC,
            ACR_SUBNET,
            DATA_IP,
            REGISTRY,
            "registry_data_eastus",
            List.of("myacr.eastus.data.azurecr.io")));
    zones.add(
        new PrivateZoneView(
            ZONE,
            "privatelink.azurecr.io",
            List.of(VNET),
            List.of(
                new ARecordView("myacr", List.of(REGISTRY_IP), 3600),
                new ARecordView("myacr.eastus.data", List.of(DATA_IP), 3600))));
    names.add(
        new PublicNameView(
            "myacr.azurecr.io", REGISTRY, "myacr.privatelink.azurecr.io", List.of(), false));
    names.add(
        new PublicNameView(
            "myacr.eastus.data.azurecr.io",
            REGISTRY,
            "myacr.eastus.data.privatelink.azurecr.io",
            List.of(),
            false));
  }

  /** Adds a second, unpeered VNet, 10.1.0.0/16, with no zone linked to it. */
  public SeedTopology withOtherVnet() {
    vnets.add(
        new VirtualNetworkView(
            OTHER_VNET,
            "eastus",
            List.of("10.1.0.0/16"),
            List.of(new SubnetView(OTHER_SUBNET, List.of("10.1.0.0/24"), true))));
    return this;
  }

  /** Removes the A record {@code relativeName} from the zone {@code privatelink.azurecr.io}. */
  public void removeRecord(String relativeName) {
    PrivateZoneView zone = zone();
    List<ARecordView> records = new ArrayList<>(zone.aRecords());
    records.removeIf(r -> r.relativeName().equals(relativeName));
    zones.set(
        0, new PrivateZoneView(zone.id(), zone.name(), zone.linkedVirtualNetworks(), records));
  }

  /** Replaces the links of the zone {@code privatelink.azurecr.io}. */
  public void linkZoneTo(List<ResourceId> vnetIds) {
    PrivateZoneView zone = zone();
    zones.set(0, new PrivateZoneView(zone.id(), zone.name(), vnetIds, zone.aRecords()));
  }

  private PrivateZoneView zone() {
    return zones.get(0);
  }

  @Override
  public List<VirtualNetworkView> virtualNetworks() {
    return List.copyOf(vnets);
  }

  @Override
  public List<EndpointAddressView> endpointAddresses() {
    return List.copyOf(endpoints);
  }

  @Override
  public List<PrivateZoneView> zones() {
    return List.copyOf(zones);
  }

  @Override
  public List<PublicNameView> publicNames() {
    return List.copyOf(names);
  }
}
