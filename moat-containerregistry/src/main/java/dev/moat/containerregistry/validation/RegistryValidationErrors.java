package dev.moat.containerregistry.validation;

import dev.moat.arm.validation.SpecTable;
import dev.moat.arm.validation.ValidationErrors;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceType;

/** ACR's wording of a broken spec rule: its registry and child-name messages. */
public final class RegistryValidationErrors implements ValidationErrors {
  public static final RegistryValidationErrors INSTANCE = new RegistryValidationErrors();

  private RegistryValidationErrors() {}

  @Override
  public ArmException invalidName(ResourceType type, String name, SpecTable.NameRule rule) {
    if (type.equals(ContainerRegistryTypes.REGISTRY)) {
      return ContainerRegistryError.INVALID_REGISTRY_NAME.exception();
    }
    return ContainerRegistryError.INVALID_CHILD_NAME.exception(
        name, type.equals(ContainerRegistryTypes.CACHE_RULE) ? "Cache rule" : "Credential set");
  }
}
