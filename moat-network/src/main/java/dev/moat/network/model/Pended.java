package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;

/**
 * A stored network resource whose writes and deletes finish after the provisioning delay: what
 * {@code PendingReconciler} needs to drive any of them to {@code Succeeded} or away.
 *
 * @param <T> the record itself
 */
public interface Pended<T extends Pended<T>> {
  ResourceId id();

  /** The pending change (or the finished one) and since when. */
  Pending status();

  T withStatus(Pending status);
}
