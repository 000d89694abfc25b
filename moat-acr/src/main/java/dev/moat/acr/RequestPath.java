package dev.moat.acr;

import dev.moat.platform.id.ResourceId;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * The network path a registry request took, decided before the registry sees it and kept as a
 * request attribute for the access policy.
 *
 * @param sourceSubnet the node's subnet for in-VNet paths
 * @param clientIp the address the registry sees the client at
 */
record RequestPath(Kind kind, Optional<ResourceId> sourceSubnet, String clientIp) {
  static final String ATTRIBUTE = "dev.moat.acr.path";

  /** How the request arrived. */
  enum Kind {
    /** From the host (Moat's users and their tools): a public network path. */
    HOST,
    /** From a node through one of the registry's private endpoints. */
    PRIVATE_ENDPOINT,
    /** From a node through the registry's public address (the node had egress). */
    PUBLIC_FROM_VNET
  }

  boolean isPublic() {
    return kind != Kind.PRIVATE_ENDPOINT;
  }

  static RequestPath of(Request request) {
    Object path = request.getAttribute(ATTRIBUTE);
    return path instanceof RequestPath p
        ? p
        : new RequestPath(Kind.HOST, Optional.empty(), Request.getRemoteAddr(request));
  }
}
