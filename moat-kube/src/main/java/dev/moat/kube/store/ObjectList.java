package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * A page of a list.
 *
 * @param items the objects, ordered by namespace then name
 * @param resourceVersion the cluster resourceVersion the list is consistent with; a watch from it
 *     misses nothing
 * @param continueToken set when more items follow ({@code metadata.continue})
 * @param remainingItemCount how many items follow, when known
 */
public record ObjectList<T extends HasMetadata>(
    List<T> items,
    long resourceVersion,
    Optional<String> continueToken,
    Optional<Long> remainingItemCount) {
  public ObjectList {
    items = List.copyOf(items);
  }
}
