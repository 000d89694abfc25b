package dev.moat.platform.reconcile;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;

/**
 * Drives one type of resource from its stored spec towards its desired state.
 *
 * <p>Implementations must be level-based and idempotent: the engine may call {@link #reconcile} for
 * a resource any number of times (after a restart, a burst of updates, a retry), never twice at
 * once for the same resource, and each call looks at the stored state afresh rather than at what
 * triggered it. A resource that no longer exists is reconciled to {@link Outcome#done()}.
 */
public interface Reconciler {
  ResourceType type();

  /**
   * Runs one step. Throwing means "unexpected, retry with backoff"; expected failures are {@link
   * Outcome#failed}.
   */
  Outcome reconcile(ResourceId id);
}
