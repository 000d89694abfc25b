package dev.moat.privatedns.model;

import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;

/** Stored private zones; deleting one removes its links and record sets with it. */
public final class ZoneRepository extends TableRepository<PrivateZone> {
  public ZoneRepository(ResourceDocuments documents) {
    super(new ResourceTable<>(documents, PrivateDnsTypes.ZONE, PrivateZone.class), PrivateZone::id);
  }
}
