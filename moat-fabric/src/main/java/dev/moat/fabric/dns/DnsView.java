package dev.moat.fabric.dns;

import dev.moat.platform.id.ResourceId;
import java.util.Optional;

/**
 * Whose DNS a resolution sees: a virtual network's (Azure-provided DNS at 168.63.129.16 inside it,
 * where linked private zones apply) or the host's (public DNS only).
 */
public record DnsView(Optional<ResourceId> virtualNetwork) {
  private static final DnsView HOST = new DnsView(Optional.empty());

  /** The public view of the host / the internet. */
  public static DnsView host() {
    return HOST;
  }

  /** The view from inside {@code virtualNetwork}. */
  public static DnsView of(ResourceId virtualNetwork) {
    return new DnsView(Optional.of(virtualNetwork));
  }

  /** A short label for logs and thread names: the VNet's name, or {@code host}. */
  public String label() {
    return virtualNetwork.map(ResourceId::name).orElse("host");
  }
}
