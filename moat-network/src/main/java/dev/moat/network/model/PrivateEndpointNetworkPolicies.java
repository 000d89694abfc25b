package dev.moat.network.model;

/** {@code privateEndpointNetworkPolicies} of a subnet. */
public enum PrivateEndpointNetworkPolicies {
  Enabled,
  Disabled,
  NetworkSecurityGroupEnabled,
  RouteTableEnabled
}
