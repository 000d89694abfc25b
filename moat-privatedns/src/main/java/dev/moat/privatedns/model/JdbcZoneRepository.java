package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;

/** {@link ZoneRepository} on the shared resource table. */
public final class JdbcZoneRepository implements ZoneRepository {
  private final ResourceTable<PrivateZone> table;

  public JdbcZoneRepository(ResourceDocuments documents) {
    this.table = new ResourceTable<>(documents, PrivateDnsTypes.ZONE, PrivateZone.class);
  }

  @Override
  public Optional<PrivateZone> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public List<PrivateZone> listInGroup(ResourceId groupId) {
    return table.listChildren(groupId);
  }

  @Override
  public List<PrivateZone> listInSubscription(String subscriptionId) {
    return table.listInSubscription(subscriptionId);
  }

  @Override
  public void save(PrivateZone zone) {
    table.put(zone.id(), zone);
  }

  @Override
  public void deleteWithContents(ResourceId id) {
    table.delete(id);
  }
}
