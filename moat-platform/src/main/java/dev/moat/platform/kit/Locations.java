package dev.moat.platform.kit;

import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.Regions;
import java.util.function.Function;

/**
 * The {@code location} check of every tracked type, worded as ARM words it: missing is {@code
 * LocationRequired}, a word that is no region is {@code LocationNotAvailableForResourceType} (or
 * the provider's own code where it has one, as Microsoft.Resources does for groups).
 */
public final class Locations {
  private final Regions regions;

  public Locations(Regions regions) {
    this.regions = regions;
  }

  /**
   * The normalised region of {@code location} ({@code "East US"} becomes {@code eastus}).
   *
   * @param resourceType the type named in the error, as ARM names it
   */
  public String require(String location, String resourceType) {
    return require(location, l -> CommonError.INVALID_LOCATION.exception(l, resourceType, names()));
  }

  /** The normalised region, or {@code notARegion}'s error for a word that is no region. */
  public String require(String location, Function<String, ArmException> notARegion) {
    if (location == null || location.isBlank()) {
      throw CommonError.LOCATION_REQUIRED.exception();
    }
    return regions.normalize(location).orElseThrow(() -> notARegion.apply(location));
  }

  /** The regions, comma-separated, as ARM lists them in its messages. */
  public String names() {
    return String.join(",", regions.names());
  }
}
