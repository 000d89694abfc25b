package dev.moat.containerregistry.model;

/** The {@code provisioningState} values ACR resources show. */
public enum ProvisioningState {
  Creating,
  Updating,
  Deleting,
  Succeeded,
  Failed,
  Canceled;

  /** True while an operation is still driving the resource. */
  public boolean isTransient() {
    return this == Creating || this == Updating || this == Deleting;
  }
}
