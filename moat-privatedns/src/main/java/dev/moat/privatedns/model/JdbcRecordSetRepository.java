package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RecordSetRepository} on the shared resource table: each record type is its own resource
 * type ({@code privateDnsZones/A}, {@code privateDnsZones/CNAME}, ...), so one table per type.
 */
public final class JdbcRecordSetRepository implements RecordSetRepository {
  private final Map<RecordType, ResourceTable<RecordSet>> tables = new EnumMap<>(RecordType.class);

  public JdbcRecordSetRepository(ResourceDocuments documents) {
    for (RecordType type : RecordType.values()) {
      tables.put(type, new ResourceTable<>(documents, type.resourceType(), RecordSet.class));
    }
  }

  @Override
  public Optional<RecordSet> find(ResourceId id) {
    return RecordType.of(id.type()).flatMap(t -> tables.get(t).get(id));
  }

  @Override
  public List<RecordSet> list(ResourceId zoneId, RecordType type) {
    return tables.get(type).listChildren(zoneId);
  }

  @Override
  public List<RecordSet> listAll(ResourceId zoneId) {
    List<RecordSet> all = new ArrayList<>();
    for (RecordType type : RecordType.values()) {
      all.addAll(list(zoneId, type));
    }
    return all;
  }

  @Override
  public void save(RecordSet recordSet) {
    tables.get(recordSet.type()).put(recordSet.id(), recordSet);
  }

  @Override
  public boolean delete(ResourceId id) {
    return RecordType.of(id.type()).map(t -> tables.get(t).delete(id)).orElse(false);
  }
}
