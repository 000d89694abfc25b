package dev.moat.fabric.topology;

import java.util.List;

/** The private DNS zones that exist now. Implemented by the private DNS provider. */
public interface PrivateZoneInventory {
  List<PrivateZoneView> zones();
}
