package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * A-record maintenance in private DNS zones on behalf of another resource: implemented by the
 * private DNS provider, used by private endpoints' {@code privateDnsZoneGroups} to keep records in
 * step with the endpoint. Thread-safe; joins the caller's transaction.
 */
public interface PrivateDnsRecords {

  /** The zone's DNS name (e.g. {@code privatelink.azurecr.io}), or empty when it does not exist. */
  Optional<String> zoneName(ResourceId zoneId);

  /**
   * Creates or replaces the A record set {@code relativeName} with exactly {@code ipv4Addresses}.
   */
  void upsertA(ResourceId zoneId, String relativeName, List<String> ipv4Addresses, int ttl);

  /** Deletes the A record set if present. */
  void deleteA(ResourceId zoneId, String relativeName);
}
