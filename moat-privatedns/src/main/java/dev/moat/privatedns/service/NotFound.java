package dev.moat.privatedns.service;

import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.privatedns.validation.PrivateDnsError;

/** The not-found errors of the private DNS API, each in the wording its layer of Azure uses. */
final class NotFound {
  private NotFound() {}

  /**
   * ARM's {@code ResourceNotFound} for a zone or link: {@code
   * 'Microsoft.Network/privateDnsZones/z'}.
   */
  static ArmException resource(ResourceId id) {
    StringBuilder path = new StringBuilder(id.namespace().orElseThrow());
    id.segments().forEach(s -> path.append('/').append(s.type()).append('/').append(s.name()));
    return CommonError.RESOURCE_NOT_FOUND.exception(path.toString(), id.resourceGroup().orElse(""));
  }

  /** A child of a zone that does not exist. */
  static ArmException parentZone(ResourceId zoneId) {
    return PrivateDnsError.PARENT_NOT_FOUND.exception(zoneId.name());
  }

  /** The DNS service's own wording for a missing record set. */
  static ArmException recordSet(ResourceId id) {
    return PrivateDnsError.RECORD_SET_NOT_FOUND.exception(
        id.name(), id.resourceGroup().orElse(""), id.subscriptionId());
  }
}
