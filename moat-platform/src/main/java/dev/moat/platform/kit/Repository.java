package dev.moat.platform.kit;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * The calls every provider makes of its stored records of one type: the resource kit's storage
 * half. A type's own repository extends this with the questions only it asks (an indexed lookup
 * such as "links of this network"). Implementations are thread-safe and join the caller's
 * transaction.
 *
 * @param <T> the stored record
 */
public interface Repository<T> {
  Optional<T> find(ResourceId id);

  /** The records directly below {@code parent} (a resource group, a zone, a registry), by id. */
  List<T> listChildren(ResourceId parent);

  /** Every record of the type in the subscription, at any depth. */
  List<T> listInSubscription(String subscriptionId);

  /**
   * The records a list request at {@code scope} answers: those directly in the resource group, or
   * every one in the subscription.
   */
  default List<T> listIn(ResourceId scope) {
    return scope.isResourceGroup()
        ? listChildren(scope)
        : listInSubscription(scope.subscriptionId());
  }

  void save(T resource);

  /** Removes the resource and everything below it; false when it did not exist. */
  boolean delete(ResourceId id);
}
