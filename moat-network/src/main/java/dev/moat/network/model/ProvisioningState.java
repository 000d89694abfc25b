package dev.moat.network.model;

/** The {@code provisioningState} values of Microsoft.Network resources. */
public enum ProvisioningState {
  Succeeded,
  Updating,
  Deleting,
  Failed
}
