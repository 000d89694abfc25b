package dev.moat.containerservice.model;

/**
 * {@code networkProfile.outboundType}. {@code block} is in no published spec but is what the
 * aks-preview CLI sends; it is accepted as the extensible string it is on Azure.
 */
public enum OutboundType {
  loadBalancer,
  userDefinedRouting,
  managedNATGateway,
  userAssignedNATGateway,
  managedNATGatewayV2,
  none,
  block;

  /** Network isolation's outbound types (NI1): no egress is configured. */
  public boolean isolated() {
    return this == none || this == block;
  }
}
