package dev.moat.containerregistry.model;

/** {@code properties.publicNetworkAccess}. */
public enum PublicNetworkAccess {
  Enabled,
  Disabled
}
