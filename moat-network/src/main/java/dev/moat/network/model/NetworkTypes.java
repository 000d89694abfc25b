package dev.moat.network.model;

import dev.moat.platform.id.ResourceType;

/** The resource types of this provider. */
public final class NetworkTypes {
  public static final String NAMESPACE = "Microsoft.Network";
  public static final ResourceType VIRTUAL_NETWORK =
      ResourceType.of("Microsoft.Network/virtualNetworks");
  public static final ResourceType SUBNET =
      ResourceType.of("Microsoft.Network/virtualNetworks/subnets");
  public static final ResourceType PRIVATE_ENDPOINT =
      ResourceType.of("Microsoft.Network/privateEndpoints");
  public static final ResourceType DNS_ZONE_GROUP =
      ResourceType.of("Microsoft.Network/privateEndpoints/privateDnsZoneGroups");
  public static final ResourceType NETWORK_INTERFACE =
      ResourceType.of("Microsoft.Network/networkInterfaces");

  private NetworkTypes() {}
}
