package dev.moat.privatedns.validation;

import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceType;

/** Private zones and links live in the single location {@code global}. */
public final class GlobalLocation {
  public static final String GLOBAL = "global";

  private GlobalLocation() {}

  /** Accepts {@code global} in any casing (the examples send {@code Global}). */
  public static void require(String location, ResourceType type) {
    if (location == null || location.isBlank()) {
      throw CommonError.LOCATION_REQUIRED.exception();
    }
    if (!location.equalsIgnoreCase(GLOBAL)) {
      throw PrivateDnsError.LOCATION_NOT_GLOBAL.exception(location, type.value());
    }
  }
}
