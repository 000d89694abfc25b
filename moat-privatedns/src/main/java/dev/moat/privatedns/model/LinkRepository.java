package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceIndex;
import dev.moat.platform.store.ResourceTable;
import java.util.List;

/** Stored virtual network links, indexed by the network they link. */
public final class LinkRepository extends TableRepository<VirtualNetworkLink> {
  private static final ResourceIndex<VirtualNetworkLink> BY_NETWORK =
      ResourceIndex.byId("virtualNetwork", VirtualNetworkLink::virtualNetwork);

  public LinkRepository(ResourceDocuments documents) {
    super(
        new ResourceTable<>(
            documents, PrivateDnsTypes.LINK, VirtualNetworkLink.class, List.of(BY_NETWORK)),
        VirtualNetworkLink::id);
  }

  /** Every link of {@code virtualNetwork}, of any zone, ordered by id (an indexed lookup). */
  public List<VirtualNetworkLink> listForNetwork(ResourceId virtualNetwork) {
    return table.findBy(BY_NETWORK, virtualNetwork);
  }
}
