package dev.moat.resources.validation;

import dev.moat.arm.validation.SpecTable;
import dev.moat.arm.validation.ValidationErrors;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceType;
import java.util.List;

/** ARM's own wording for resource groups ({@code InvalidResourceGroup}, its location code). */
public final class ResourceGroupValidationErrors implements ValidationErrors {
  private final ResourceGroupValidator validator;

  public ResourceGroupValidationErrors(ResourceGroupValidator validator) {
    this.validator = validator;
  }

  @Override
  public ArmException invalidName(ResourceType type, String name, SpecTable.NameRule rule) {
    try {
      validator.validateName(name);
    } catch (ArmException e) {
      return e;
    }
    return ResourceGroupError.INVALID_NAME_LENGTH.exception(name);
  }

  @Override
  public ArmException invalidLocation(ResourceType type, String location, List<String> regions) {
    return ResourceGroupError.LOCATION_NOT_AVAILABLE.exception(location, String.join(",", regions));
  }
}
