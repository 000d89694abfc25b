package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * The resources a private endpoint can connect to, and what they offer: implemented by providers
 * whose resources offer private link (the container registry), consumed by the network provider
 * when it creates a private endpoint. Thread-safe.
 */
public interface PrivateLinkTargets {

  /**
   * The private link resource {@code groupId} of {@code target}; empty when the target does not
   * exist or offers no such group. Throws an ARM error when the target exists but cannot accept a
   * private endpoint (for a registry: not Premium).
   */
  Optional<PrivateLinkResource> find(ResourceId target, String groupId);

  /**
   * One private link resource (a {@code groupId}) of a target.
   *
   * @param members the required members, each with the FQDNs it serves, e.g. {@code registry} →
   *     {@code myacr.azurecr.io} and {@code registry_data_eastus} → {@code
   *     myacr.eastus.data.azurecr.io}
   * @param requiredZoneNames e.g. {@code privatelink.azurecr.io}
   */
  record PrivateLinkResource(
      ResourceId target, String groupId, List<Member> members, List<String> requiredZoneNames) {}

  /** A required member and its FQDNs. */
  record Member(String requiredMemberName, List<String> fqdns) {}
}
