package dev.moat.resources.model;

/** The {@code provisioningState} values a resource group shows. */
public enum ResourceGroupState {
  Succeeded,
  Deleting
}
