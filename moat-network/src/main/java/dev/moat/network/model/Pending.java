package dev.moat.network.model;

import java.time.Instant;

/**
 * The status half of a stored network resource: where its provisioning stands and since when (the
 * reconciler finishes the work once the configured provisioning delay has passed {@code since}).
 */
public record Pending(ProvisioningState state, Instant since) {

  public static Pending updating(Instant at) {
    return new Pending(ProvisioningState.Updating, at);
  }

  public static Pending deleting(Instant at) {
    return new Pending(ProvisioningState.Deleting, at);
  }

  public static Pending succeeded(Instant at) {
    return new Pending(ProvisioningState.Succeeded, at);
  }

  public boolean is(ProvisioningState s) {
    return state == s;
  }
}
