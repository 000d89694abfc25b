package dev.moat.network.model;

/** {@code privateLinkServiceNetworkPolicies} of a subnet. */
public enum PrivateLinkServiceNetworkPolicies {
  Enabled,
  Disabled
}
