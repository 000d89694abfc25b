package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Stored record sets of every type. Thread-safe; every call joins the caller's transaction. */
public interface RecordSetRepository {
  /** The record set with this id ({@code .../privateDnsZones/{z}/{type}/{name}}). */
  Optional<RecordSet> find(ResourceId id);

  /** The zone's record sets of one type, ordered by name. */
  List<RecordSet> list(ResourceId zoneId, RecordType type);

  /** Every record set of the zone, by type then name. */
  List<RecordSet> listAll(ResourceId zoneId);

  void save(RecordSet recordSet);

  /** False when it did not exist. */
  boolean delete(ResourceId id);
}
