package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceIndex;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;

/** {@link LinkRepository} on the shared resource table. */
public final class JdbcLinkRepository implements LinkRepository {
  /** Links by the virtual network they link. */
  private static final ResourceIndex<VirtualNetworkLink> BY_NETWORK =
      ResourceIndex.byId("virtualNetwork", VirtualNetworkLink::virtualNetwork);

  private final ResourceTable<VirtualNetworkLink> table;

  public JdbcLinkRepository(ResourceDocuments documents) {
    this.table =
        new ResourceTable<>(
            documents, PrivateDnsTypes.LINK, VirtualNetworkLink.class, List.of(BY_NETWORK));
  }

  @Override
  public List<VirtualNetworkLink> listForNetwork(ResourceId virtualNetwork) {
    return table.findBy(BY_NETWORK, virtualNetwork);
  }

  @Override
  public Optional<VirtualNetworkLink> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public List<VirtualNetworkLink> listInZone(ResourceId zoneId) {
    return table.listChildren(zoneId);
  }

  @Override
  public List<VirtualNetworkLink> listInSubscription(String subscriptionId) {
    return table.listInSubscription(subscriptionId);
  }

  @Override
  public void save(VirtualNetworkLink link) {
    table.put(link.id(), link);
  }

  @Override
  public void delete(ResourceId id) {
    table.delete(id);
  }
}
