package dev.moat.containerregistry.model;

/** {@code properties.zoneRedundancy}. */
public enum ZoneRedundancy {
  Enabled,
  Disabled
}
