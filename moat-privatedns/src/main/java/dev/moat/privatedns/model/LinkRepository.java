package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Stored virtual network links. Thread-safe; every call joins the caller's transaction. */
public interface LinkRepository {
  Optional<VirtualNetworkLink> find(ResourceId id);

  /** The links of one zone, ordered by id. */
  List<VirtualNetworkLink> listInZone(ResourceId zoneId);

  /** Every link in a subscription, of any zone. */
  List<VirtualNetworkLink> listInSubscription(String subscriptionId);

  /** Every link of {@code virtualNetwork}, of any zone, ordered by id (an indexed lookup). */
  List<VirtualNetworkLink> listForNetwork(ResourceId virtualNetwork);

  void save(VirtualNetworkLink link);

  void delete(ResourceId id);
}
