package dev.moat.privatedns.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.ResolutionPolicy;
import dev.moat.privatedns.model.VirtualNetworkLink;
import java.util.Map;

/** The wire shapes of {@code privateDnsZones/virtualNetworkLinks}. */
final class LinkBodies {
  private LinkBodies() {}

  /** PUT and PATCH body; read-only properties are ignored. */
  record Put(String location, Map<String, String> tags, PutProperties properties) {}

  /** The writable {@code properties}. */
  record PutProperties(
      SubResource virtualNetwork, Boolean registrationEnabled, ResolutionPolicy resolutionPolicy) {}

  /** {@code {"id": ...}}. */
  record SubResource(String id) {}

  /** GET response. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Link(
      String id,
      String name,
      String type,
      String etag,
      String location,
      Map<String, String> tags,
      Properties properties) {

    static Link of(VirtualNetworkLink l) {
      return new Link(
          l.id().toString(),
          l.id().name(),
          PrivateDnsTypes.LINK.value(),
          l.etag(),
          "global",
          l.tags().isEmpty() ? null : l.tags(),
          new Properties(
              new SubResource(l.virtualNetwork().toString()),
              l.registrationEnabled(),
              l.resolutionPolicy().name(),
              l.linkState().name(),
              l.state().name()));
    }
  }

  /** {@code properties} of a response. */
  record Properties(
      SubResource virtualNetwork,
      boolean registrationEnabled,
      String resolutionPolicy,
      String virtualNetworkLinkState,
      String provisioningState) {}
}
