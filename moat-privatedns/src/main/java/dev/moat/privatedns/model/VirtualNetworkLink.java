package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import java.time.Instant;
import java.util.Map;

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
