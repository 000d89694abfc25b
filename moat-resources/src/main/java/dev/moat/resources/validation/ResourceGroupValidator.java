package dev.moat.resources.validation;

import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.Regions;
import dev.moat.platform.kit.Locations;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Azure's rules for resource group names, locations and tags. */
public final class ResourceGroupValidator {
  private static final int MAX_TAGS = 50;

  private final Locations locations;

  public ResourceGroupValidator(Regions regions) {
    this.locations = new Locations(regions);
  }

  /** 1-90 letters, digits, {@code - . ( ) _}; not ending in a period. */
  public void validateName(String name) {
    if (name.isEmpty() || name.length() > 90) {
      throw ResourceGroupError.INVALID_NAME_LENGTH.exception(name);
    }
    Set<String> invalid = new LinkedHashSet<>();
    name.codePoints()
        .filter(c -> !(Character.isLetterOrDigit(c) || "-._()".indexOf(c) >= 0))
        .forEach(c -> invalid.add(new String(Character.toChars(c))));
    if (!invalid.isEmpty()) {
      throw ResourceGroupError.INVALID_NAME_CHARACTERS.exception(name, String.join("", invalid));
    }
    if (name.endsWith(".")) {
      throw ResourceGroupError.INVALID_NAME_PERIOD.exception(name);
    }
  }

  /** The normalised region name of {@code location}. */
  public String validateLocation(String location) {
    return locations.require(
        location, l -> ResourceGroupError.LOCATION_NOT_AVAILABLE.exception(l, locations.names()));
  }

  public void validateTags(Map<String, String> tags) {
    if (tags == null) {
      return;
    }
    if (tags.size() > MAX_TAGS) {
      throw CommonError.TOO_MANY_TAGS.exception(tags.size());
    }
    String bad =
        tags.keySet().stream()
            .filter(
                k -> k.isEmpty() || k.chars().anyMatch(c -> "<>%&\\?/".indexOf(c) >= 0 || c < 0x20))
            .collect(Collectors.joining(","));
    if (!bad.isEmpty()) {
      throw CommonError.TAG_NAME_CHARACTERS.exception(bad);
    }
  }
}
