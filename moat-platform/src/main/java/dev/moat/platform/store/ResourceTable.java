package dev.moat.platform.store;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the documents of one resource type: records of class {@code T} in, records out.
 * Providers build their repositories on it, so raw JSON never leaves the store.
 */
public final class ResourceTable<T> {
  private final ResourceDocuments documents;
  private final ResourceType type;
  private final Class<T> recordType;

  public ResourceTable(ResourceDocuments documents, ResourceType type, Class<T> recordType) {
    this.documents = documents;
    this.type = type;
    this.recordType = recordType;
  }

  public ResourceType type() {
    return type;
  }

  /** A stored record with its version. */
  public record Versioned<T>(T value, long version) {}

  public Versioned<T> put(ResourceId id, T value) {
    requireType(id);
    StoredResource stored = documents.put(id, Json.write(value));
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

  /** Deletes the resource and everything below it; false when it did not exist. */
  public boolean delete(ResourceId id) {
    requireType(id);
    return documents.deleteTree(id) > 0;
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
