package dev.moat.privatedns.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.service.ZoneService;
import java.util.Map;

/** The wire shapes of {@code privateDnsZones}. */
final class ZoneBodies {
  /** Azure's current limits per zone (they show in every zone's read-only properties). */
  static final long MAX_RECORD_SETS = 25000;

  static final long MAX_LINKS = 1000;
  static final long MAX_LINKS_WITH_REGISTRATION = 100;

  private ZoneBodies() {}

  /** PUT body; read-only {@code properties} are ignored. */
  record Put(String location, Map<String, String> tags) {}

  /** PATCH body. */
  record Patch(Map<String, String> tags) {}

  /** GET response. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Zone(
      String id,
      String name,
      String type,
      String etag,
      String location,
      Map<String, String> tags,
      Properties properties) {

    static Zone of(PrivateZone z, ZoneService.Counts counts) {
      return new Zone(
          z.id().toString(),
          z.id().name(),
          PrivateDnsTypes.ZONE.value(),
          z.etag(),
          "global",
          z.tags().isEmpty() ? null : z.tags(),
          new Properties(
              MAX_RECORD_SETS,
              counts.recordSets(),
              MAX_LINKS,
              counts.links(),
              MAX_LINKS_WITH_REGISTRATION,
              counts.linksWithRegistration(),
              z.state().name(),
              z.internalId()));
    }
  }

  /** {@code properties}: all read-only. */
  record Properties(
      long maxNumberOfRecordSets,
      long numberOfRecordSets,
      long maxNumberOfVirtualNetworkLinks,
      long numberOfVirtualNetworkLinks,
      long maxNumberOfVirtualNetworkLinksWithRegistration,
      long numberOfVirtualNetworkLinksWithRegistration,
      String provisioningState,
      String internalId) {}
}
