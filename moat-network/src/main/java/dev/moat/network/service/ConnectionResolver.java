package dev.moat.network.service;

import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.contracts.PrivateLinkTargets;
import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * Validates the connections of a private endpoint request and asks the target's provider what it
 * offers: the required members and their FQDNs.
 */
public final class ConnectionResolver {
  private final PrivateLinkTargets targets;

  public ConnectionResolver(PrivateLinkTargets targets) {
    this.targets = targets;
  }

  /** A connection with what its target offers. */
  public record Resolved(
      PrivateEndpoint.ServiceConnection connection, PrivateLinkTargets.PrivateLinkResource offer) {}

  public List<Resolved> resolve(
      ResourceId endpoint, List<PrivateEndpointSpec.ConnectionSpec> specs) {
    return specs.stream().map(s -> resolve(endpoint, s)).toList();
  }

  private Resolved resolve(ResourceId endpoint, PrivateEndpointSpec.ConnectionSpec spec) {
    if (spec.name() == null || spec.name().isBlank() || spec.privateLinkServiceId() == null) {
      throw NetworkError.INVALID_REQUEST_FORMAT.exception();
    }
    ResourceId connectionId = endpoint.child("privateLinkServiceConnections", spec.name());
    ResourceId target = ResourceId.parse(spec.privateLinkServiceId());
    List<String> groupIds = spec.groupIds() == null ? List.of() : spec.groupIds();
    if (groupIds.isEmpty()) {
      throw NetworkError.MISSING_GROUP_ID.exception(connectionId);
    }
    if (groupIds.size() > 1) {
      throw NetworkError.ONLY_ONE_GROUP_ID.exception(
          connectionId, String.join(", ", groupIds), target);
    }
    String groupId = groupIds.get(0);
    PrivateLinkTargets.PrivateLinkResource offer =
        targets
            .find(target, groupId)
            .orElseThrow(
                () ->
                    NetworkError.PRIVATE_LINK_RESOURCE_NOT_FOUND.exception(
                        target.type().value(), groupId, target));
    // Connections to first-party resources are approved at once; manual ones wait for the owner
    // (whose description Azure fills from the request message).
    PrivateEndpoint.ServiceConnection connection =
        spec.manual()
            ? new PrivateEndpoint.ServiceConnection(
                spec.name(),
                offer.target(),
                groupId,
                spec.requestMessage(),
                true,
                "Pending",
                spec.requestMessage() == null ? "" : spec.requestMessage(),
                "None")
            : new PrivateEndpoint.ServiceConnection(
                spec.name(),
                offer.target(),
                groupId,
                spec.requestMessage(),
                false,
                "Approved",
                "Auto-Approved",
                "None");
    return new Resolved(connection, offer);
  }
}
