package dev.moat.platform.kit;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link Repository} on the shared resource table: what each provider's JDBC repository used to
 * spell out again. A subclass adds its indexed lookups through {@link #table}.
 *
 * @param <T> the stored record
 */
public class TableRepository<T> implements Repository<T> {
  protected final ResourceTable<T> table;
  private final Function<T, ResourceId> idOf;

  /**
   * @param table the type's table (with its indexes)
   * @param idOf the record's resource id, the document's key
   */
  public TableRepository(ResourceTable<T> table, Function<T, ResourceId> idOf) {
    this.table = table;
    this.idOf = idOf;
  }

  /** {@link Repository#listIn} for a provider that works on its tables directly. */
  public static <T> List<T> listIn(ResourceTable<T> table, ResourceId scope) {
    return scope.isResourceGroup()
        ? table.listChildren(scope)
        : table.listInSubscription(scope.subscriptionId());
  }

  @Override
  public Optional<T> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public List<T> listChildren(ResourceId parent) {
    return table.listChildren(parent);
  }

  @Override
  public List<T> listInSubscription(String subscriptionId) {
    return table.listInSubscription(subscriptionId);
  }

  @Override
  public void save(T resource) {
    table.put(idOf.apply(resource), resource);
  }

  @Override
  public boolean delete(ResourceId id) {
    return table.delete(id);
  }
}
