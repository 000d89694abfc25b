package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.kit.LifecycleReconciler;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A stored virtual network link: the spec (virtual network, registration, resolution policy, tags)
 * apart from its status ({@code provisioningState}, {@code virtualNetworkLinkState}).
 *
 * @param changedAt when the last create, update or delete was accepted
 */
public record VirtualNetworkLink(
    ResourceId id,
    Map<String, String> tags,
    String etag,
    ResourceId virtualNetwork,
    boolean registrationEnabled,
    ResolutionPolicy resolutionPolicy,
    ProvisioningState state,
    LinkState linkState,
    Instant changedAt) {
  /** The kit's reading of its lifecycle: pending while transitional, since its last change. */
  public static final LifecycleReconciler.Lifecycle<VirtualNetworkLink> LIFECYCLE =
      LifecycleReconciler.Lifecycle.of(
          z -> z.state().isTransitional() ? Optional.of(z.changedAt()) : Optional.empty(),
          z -> z.state() == ProvisioningState.Deleting,
          (z, now) -> z.withStatus(ProvisioningState.Succeeded, LinkState.Completed));

  public VirtualNetworkLink {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  public ResourceId zoneId() {
    return id.parent().orElseThrow();
  }

  public VirtualNetworkLink withStatus(ProvisioningState s, LinkState ls) {
    return new VirtualNetworkLink(
        id, tags, etag, virtualNetwork, registrationEnabled, resolutionPolicy, s, ls, changedAt);
  }

  public VirtualNetworkLink withTags(Map<String, String> newTags, String newEtag) {
    return new VirtualNetworkLink(
        id,
        newTags,
        newEtag,
        virtualNetwork,
        registrationEnabled,
        resolutionPolicy,
        state,
        linkState,
        changedAt);
  }

  public VirtualNetworkLink deleting(Instant at) {
    return new VirtualNetworkLink(
        id,
        tags,
        etag,
        virtualNetwork,
        registrationEnabled,
        resolutionPolicy,
        ProvisioningState.Deleting,
        linkState,
        at);
  }
}
