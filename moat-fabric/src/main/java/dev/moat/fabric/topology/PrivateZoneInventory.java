package dev.moat.fabric.topology;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/** The private DNS zones that exist now. Implemented by the private DNS provider. */
public interface PrivateZoneInventory {
  List<PrivateZoneView> zones();

  /**
   * The zones linked to {@code virtualNetwork}: what a DNS query from inside it consults. The
   * default filters {@link #zones()}; a store-backed inventory answers from an index, so the cost
   * of a query does not grow with the zones of other networks.
   */
  default List<PrivateZoneView> zonesLinkedTo(ResourceId virtualNetwork) {
    return zones().stream()
        .filter(z -> z.linkedVirtualNetworks().stream().anyMatch(virtualNetwork::equals))
        .toList();
  }
}
