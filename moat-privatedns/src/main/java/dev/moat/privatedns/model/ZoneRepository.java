package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Stored private zones. Thread-safe; every call joins the caller's transaction. */
public interface ZoneRepository {
  Optional<PrivateZone> find(ResourceId id);

  /** The zones directly in a resource group, ordered by id. */
  List<PrivateZone> listInGroup(ResourceId groupId);

  /** The zones of a subscription, ordered by id. */
  List<PrivateZone> listInSubscription(String subscriptionId);

  void save(PrivateZone zone);

  /** Removes the zone with everything below it (links and record sets). */
  void deleteWithContents(ResourceId id);
}
