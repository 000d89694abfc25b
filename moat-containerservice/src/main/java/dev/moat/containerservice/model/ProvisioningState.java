package dev.moat.containerservice.model;

/** The {@code provisioningState} values clusters and pools show. */
public enum ProvisioningState {
  Creating,
  Updating,
  UpgradingNodeImageVersion,
  Deleting,
  Succeeded,
  Failed;

  public boolean terminal() {
    return this == Succeeded || this == Failed;
  }
}
