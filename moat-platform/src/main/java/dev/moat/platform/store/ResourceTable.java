package dev.moat.platform.store;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the documents of one resource type: records of class {@code T} in, records out.
 * Providers build their repositories on it, so raw JSON never leaves the store.
 *
 * <p>A table declared with {@link ResourceIndex indexes} writes each record's keys with the record
 * and answers {@link #findBy} by reading only the matching documents: the way to ask a narrow
 * question ("the NICs in this subnet") whose cost does not grow with everything else stored.
 */
public final class ResourceTable<T> {
  private final ResourceDocuments documents;
  private final ResourceType type;
  private final Class<T> recordType;
  private final List<ResourceIndex<T>> indexes;

  public ResourceTable(ResourceDocuments documents, ResourceType type, Class<T> recordType) {
    this(documents, type, recordType, List.of());
  }

  /**
   * A table with secondary indexes. Fills any index that is new to the database (decoding each
   * stored record of the type once), so construct tables at start-up, not per request.
   */
  public ResourceTable(
      ResourceDocuments documents,
      ResourceType type,
      Class<T> recordType,
      List<ResourceIndex<T>> indexes) {
    this.documents = documents;
    this.type = type;
    this.recordType = recordType;
    this.indexes = List.copyOf(indexes);
    if (this.indexes.stream().map(ResourceIndex::name).distinct().count() != this.indexes.size()) {
      throw new IllegalArgumentException("two indexes with one name on " + type);
    }
    for (ResourceIndex<T> index : this.indexes) {
      documents.ensureIndexed(qualified(index), type, s -> index.keysOf(decode(s)));
    }
  }

  public ResourceType type() {
    return type;
  }

  /** A stored record with its version. */
  public record Versioned<T>(T value, long version) {}

  public Versioned<T> put(ResourceId id, T value) {
    requireType(id);
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    for (ResourceIndex<T> index : indexes) {
      keys.put(qualified(index), index.keysOf(value));
    }
    StoredResource stored = documents.put(id, Json.write(value), keys);
    return new Versioned<>(value, stored.version());
  }

  public Optional<T> get(ResourceId id) {
    return getVersioned(id).map(Versioned::value);
  }

  public Optional<Versioned<T>> getVersioned(ResourceId id) {
    if (!id.type().equals(type)) {
      return Optional.empty();
    }
    return documents
        .get(id)
        .map(s -> new Versioned<>(Json.read(s.body(), recordType), s.version()));
  }

  public List<T> listChildren(ResourceId parent) {
    return documents.listChildren(parent, type).stream().map(this::decode).toList();
  }

  public List<T> listInSubscription(String subscriptionId) {
    return documents.listInSubscription(subscriptionId, type).stream().map(this::decode).toList();
  }

  /**
   * The records whose keys in {@code index} include {@code key}, ordered by id. Decodes only those.
   * The index must be one this table was declared with.
   */
  public List<T> findBy(ResourceIndex<T> index, String key) {
    return documents.findBy(qualified(requireIndex(index)), key).stream()
        .map(this::decode)
        .toList();
  }

  /** {@link #findBy(ResourceIndex, String)} by a resource id key. */
  public List<T> findBy(ResourceIndex<T> index, ResourceId key) {
    return findBy(index, key.key());
  }

  /** Whether any record has {@code key} in {@code index}; decodes nothing. */
  public boolean anyBy(ResourceIndex<T> index, String key) {
    return documents.anyBy(qualified(requireIndex(index)), key);
  }

  /** {@link #anyBy(ResourceIndex, String)} by a resource id key. */
  public boolean anyBy(ResourceIndex<T> index, ResourceId key) {
    return anyBy(index, key.key());
  }

  /** Deletes the resource and everything below it; false when it did not exist. */
  public boolean delete(ResourceId id) {
    requireType(id);
    return documents.deleteTree(id) > 0;
  }

  private String qualified(ResourceIndex<T> index) {
    return type.key() + "#" + index.name();
  }

  private ResourceIndex<T> requireIndex(ResourceIndex<T> index) {
    if (!indexes.contains(index)) {
      throw new IllegalArgumentException(index.name() + " is not an index of " + type);
    }
    return index;
  }

  private T decode(StoredResource s) {
    return Json.read(s.body(), recordType);
  }

  private void requireType(ResourceId id) {
    if (!id.type().equals(type)) {
      throw new IllegalArgumentException(id + " is not a " + type);
    }
  }
}
