package dev.moat.containerregistry;

import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PrivateEndpointConnections} the test connects and disconnects by hand. */
final class InMemoryConnections implements PrivateEndpointConnections {
  private final Map<ResourceId, List<Connection>> byTarget = new ConcurrentHashMap<>();

  void connect(ResourceId target, Connection connection) {
    byTarget.computeIfAbsent(target, t -> new CopyOnWriteArrayList<>()).add(connection);
  }

  void disconnectAll(ResourceId target) {
    byTarget.remove(target);
  }

  @Override
  public List<Connection> connectionsTo(ResourceId target) {
    return List.copyOf(byTarget.getOrDefault(target, List.of()));
  }
}
