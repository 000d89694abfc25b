package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceType;
import java.util.Arrays;
import java.util.Optional;

/** The record types a private zone holds; each is a child resource type of the zone. */
public enum RecordType {
  A,
  AAAA,
  CNAME,
  MX,
  PTR,
  SOA,
  SRV,
  TXT;

  /** e.g. {@code Microsoft.Network/privateDnsZones/A}. */
  public ResourceType resourceType() {
    return PrivateDnsTypes.ZONE.child(name());
  }

  /** The record type of a resource type such as {@code Microsoft.Network/privateDnsZones/a}. */
  public static Optional<RecordType> of(ResourceType type) {
    return Arrays.stream(values()).filter(t -> t.resourceType().equals(type)).findFirst();
  }
}
