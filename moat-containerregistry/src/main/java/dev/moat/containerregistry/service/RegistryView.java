package dev.moat.containerregistry.service;

import dev.moat.containerregistry.model.Registry;
import dev.moat.platform.contracts.PrivateEndpointConnections.Connection;
import java.util.List;

/**
 * A registry as clients see it: the stored record plus what other resources make of it. Azure turns
 * on dedicated data endpoints when a private endpoint connects
 * (container-registry-private-link.md), so {@code dataEndpointEnabled} is the user's choice or the
 * presence of a connection.
 */
public record RegistryView(Registry registry, List<Connection> connections) {
  public RegistryView {
    connections = List.copyOf(connections);
  }

  public boolean dataEndpointEnabled() {
    return registry.spec().dataEndpointEnabled() || !connections.isEmpty();
  }

  /** {@code [{name}.{location}.data.azurecr.io]} when data endpoints are on, else empty. */
  public List<String> dataEndpointHostNames() {
    return dataEndpointEnabled() ? List.of(registry.dataEndpointHostName()) : List.of();
  }
}
