package dev.moat.fabric.reach;

/**
 * Why a connection cannot be made. {@link #code()} is the name a node agent reports; the node turns
 * it into the failure Azure would show (a CSE exit code, an image pull timeout, a registry's 403).
 */
public enum Denial {
  /** The address is private and not in the source's virtual network (Moat has no peering). */
  NO_ROUTE_TO_PRIVATE_ADDRESS("NoRouteToPrivateAddress"),
  /** The address is in the source's virtual network, but nothing has it. */
  NO_ENDPOINT_AT_ADDRESS("NoEndpointAtAddress"),
  /** The address is public and the source's subnet has no path to the internet. */
  OUTBOUND_BLOCKED("OutboundBlocked"),
  /** The address is public and its resource refuses traffic from public networks. */
  PUBLIC_ACCESS_DISABLED("PublicAccessDisabled"),
  /** The address is public but Moat serves nothing there (Moat is offline). */
  UNKNOWN_PUBLIC_ADDRESS("UnknownPublicAddress"),
  /** The source subnet does not exist. */
  SOURCE_NOT_FOUND("SourceNotFound");

  private final String code;

  Denial(String code) {
    this.code = code;
  }

  /** The PascalCase code, e.g. {@code OutboundBlocked}. */
  public String code() {
    return code;
  }
}
