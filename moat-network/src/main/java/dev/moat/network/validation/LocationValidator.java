package dev.moat.network.validation;

import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.Regions;
import dev.moat.platform.id.ResourceType;

/** Checks the {@code location} of a tracked network resource against Azure's regions. */
public final class LocationValidator {
  private final Regions regions;

  public LocationValidator(Regions regions) {
    this.regions = regions;
  }

  /** The normalised region ({@code "East US"} becomes {@code eastus}). */
  public String require(String location, ResourceType type) {
    if (location == null || location.isBlank()) {
      throw CommonError.LOCATION_REQUIRED.exception();
    }
    return regions
        .normalize(location)
        .orElseThrow(
            () ->
                CommonError.INVALID_LOCATION.exception(
                    location, type.value(), String.join(",", regions.names())));
  }
}
