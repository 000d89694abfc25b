package dev.moat.privatedns.model;

/** The {@code provisioningState} values of zones and virtual network links. */
public enum ProvisioningState {
  Creating,
  Updating,
  Deleting,
  Succeeded,
  Failed,
  Canceled;

  /** True while a long-running operation is still driving the resource. */
  public boolean isTransitional() {
    return this == Creating || this == Updating || this == Deleting;
  }
}
