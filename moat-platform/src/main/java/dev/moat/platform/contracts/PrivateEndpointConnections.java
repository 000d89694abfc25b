package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * The private endpoints connected to a resource, with their addresses: implemented by the network
 * provider, read by the target's provider (a registry's {@code privateEndpointConnections}) and by
 * the registry data plane (which paths are private). Thread-safe.
 */
public interface PrivateEndpointConnections {

  List<Connection> connectionsTo(ResourceId target);

  /**
   * One connection.
   *
   * @param name the connection name (as in {@code privateLinkServiceConnections[].name})
   * @param status {@code Approved}, {@code Pending}, {@code Rejected} or {@code Disconnected}
   * @param addresses the private IP of each required member, e.g. {@code registry} → 192.168.2.4
   */
  record Connection(
      ResourceId privateEndpoint,
      ResourceId subnet,
      String name,
      String groupId,
      String status,
      java.util.Map<String, String> addresses) {}
}
