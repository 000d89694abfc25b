package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.kit.LifecycleReconciler;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stored private DNS zone: the spec the user gave (tags) and its status (provisioning state, the
 * immutable {@code internalId}). The zone's DNS name is the resource name.
 *
 * @param changedAt when the last create, update or delete was accepted; the reconciler finishes it
 *     once the provisioning delay has passed
 */
public record PrivateZone(
    ResourceId id,
    Map<String, String> tags,
    String etag,
    String internalId,
    ProvisioningState state,
    Instant changedAt) {
  /** The kit's reading of its lifecycle: pending while transitional, since its last change. */
  public static final LifecycleReconciler.Lifecycle<PrivateZone> LIFECYCLE =
      LifecycleReconciler.Lifecycle.of(
          z -> z.state().isTransitional() ? Optional.of(z.changedAt()) : Optional.empty(),
          z -> z.state() == ProvisioningState.Deleting,
          (z, now) -> z.withState(ProvisioningState.Succeeded));

  public PrivateZone {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /** The DNS name in lower case, without a trailing dot, e.g. {@code privatelink.azurecr.io}. */
  public String dnsName() {
    return id.name().toLowerCase(Locale.ROOT);
  }

  public PrivateZone withSpec(
      Map<String, String> newTags, String newEtag, ProvisioningState s, Instant at) {
    return new PrivateZone(id, newTags, newEtag, internalId, s, at);
  }

  public PrivateZone withState(ProvisioningState s) {
    return new PrivateZone(id, tags, etag, internalId, s, changedAt);
  }
}
