package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.kit.LifecycleReconciler;
import java.util.Optional;

/** A stored resource whose lifecycle a reconciler drives. */
public interface Provisioned<T> {
  ResourceId id();

  Provisioning provisioning();

  /** This resource in another lifecycle state. */
  T withProvisioning(Provisioning next);

  /**
   * The kit's reading of any ACR resource's lifecycle: pending while Creating, Updating or
   * Deleting, since its last change.
   */
  static <T extends Provisioned<T>> LifecycleReconciler.Lifecycle<T> lifecycle() {
    return LifecycleReconciler.Lifecycle.of(
        r ->
            r.provisioning().state().isTransient()
                ? Optional.of(r.provisioning().since())
                : Optional.empty(),
        r -> r.provisioning().state() == ProvisioningState.Deleting,
        (r, now) -> r.withProvisioning(Provisioning.of(ProvisioningState.Succeeded, now)));
  }
}
