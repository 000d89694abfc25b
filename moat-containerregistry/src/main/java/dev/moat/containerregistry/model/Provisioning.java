package dev.moat.containerregistry.model;

import java.time.Instant;

/**
 * Where a resource is in its lifecycle: the state and when it entered it. Reconcilers move a
 * transient state to its terminal one once the provisioning delay has passed since {@code since}.
 */
public record Provisioning(ProvisioningState state, Instant since) {

  public static Provisioning of(ProvisioningState state, Instant since) {
    return new Provisioning(state, since);
  }
}
