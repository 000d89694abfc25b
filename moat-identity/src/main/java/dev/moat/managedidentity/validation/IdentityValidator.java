package dev.moat.managedidentity.validation;

import dev.moat.platform.id.Regions;
import dev.moat.platform.kit.Locations;
import java.util.regex.Pattern;

/** Azure's rules for user-assigned identity names and locations. */
public final class IdentityValidator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,127}");
  private static final String TYPE = "userAssignedIdentities";

  private final Locations locations;

  public IdentityValidator(Regions regions) {
    this.locations = new Locations(regions);
  }

  public void validateName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw ManagedIdentityError.INVALID_NAME.exception(name);
    }
  }

  /** The normalised region of {@code location}. */
  public String validateLocation(String location) {
    return locations.require(location, TYPE);
  }
}
