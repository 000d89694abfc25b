package dev.moat.containerregistry.service;

import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.RegistryRepository;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.containerregistry.validation.RegistryRules;

/** {@code checkNameAvailability}: registry names are DNS names, unique across all of Azure. */
public final class NameAvailability {
  private final RegistryRepository registries;

  public NameAvailability(RegistryRepository registries) {
    this.registries = registries;
  }

  /**
   * The answer.
   *
   * @param reason {@code Invalid} or {@code AlreadyExists} when the name is not available
   */
  public record Answer(boolean nameAvailable, String reason, String message) {}

  public Answer check(String name, String type) {
    if (!ContainerRegistryTypes.REGISTRY.value().equalsIgnoreCase(type)) {
      throw ContainerRegistryError.UNSUPPORTED_NAME_CHECK_TYPE.exception(type);
    }
    if (!RegistryRules.isValidName(name)) {
      return new Answer(
          false, "Invalid", ContainerRegistryError.INVALID_REGISTRY_NAME.error().message());
    }
    // Wording of the spec example RegistryCheckNameNotAvailable.json.
    return registries
        .findByName(name)
        .map(
            r -> new Answer(false, "AlreadyExists", "The registry " + name + " is already in use."))
        .orElse(new Answer(true, null, null));
  }
}
