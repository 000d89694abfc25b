package dev.moat.network.service;

import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link PrivateEndpointConnections} from the stored endpoints, found by their target. */
public final class EndpointConnectionsView implements PrivateEndpointConnections {
  private final NetworkStore store;

  public EndpointConnectionsView(NetworkStore store) {
    this.store = store;
  }

  @Override
  public List<Connection> connectionsTo(ResourceId target) {
    List<Connection> out = new ArrayList<>();
    for (PrivateEndpoint pe : store.endpointsTo(target)) {
      for (PrivateEndpoint.ServiceConnection c : pe.connections()) {
        if (!c.target().equals(target)) {
          continue;
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        pe.members().stream()
            .filter(m -> m.target().equals(target) && m.groupId().equals(c.groupId()))
            .forEach(m -> addresses.put(m.memberName(), m.ipAddress()));
        out.add(new Connection(pe.id(), pe.subnet(), c.name(), c.groupId(), c.status(), addresses));
      }
    }
    return out;
  }
}
