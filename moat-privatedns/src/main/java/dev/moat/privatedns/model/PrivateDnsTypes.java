package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceType;

/** The resource types of the private DNS part of {@code Microsoft.Network}. */
public final class PrivateDnsTypes {
  public static final ResourceType ZONE = ResourceType.of("Microsoft.Network/privateDnsZones");
  public static final ResourceType LINK = ZONE.child("virtualNetworkLinks");

  /** {@code .../privateDnsZones/{z}/ALL}: every record set of a zone, of any type. */
  public static final ResourceType ALL_RECORD_SETS = ZONE.child("ALL");

  /** {@code .../privateDnsZones/{z}/recordsets}: the same list under its other name. */
  public static final ResourceType RECORD_SETS = ZONE.child("recordsets");

  private PrivateDnsTypes() {}
}
