package dev.moat.managedidentity.validation;

import dev.moat.arm.validation.SpecTable;
import dev.moat.arm.validation.ValidationErrors;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceType;

/** The managed-identity RP's wording of a broken spec rule. */
public final class IdentityValidationErrors implements ValidationErrors {
  public static final IdentityValidationErrors INSTANCE = new IdentityValidationErrors();

  private IdentityValidationErrors() {}

  @Override
  public ArmException invalidName(ResourceType type, String name, SpecTable.NameRule rule) {
    return ManagedIdentityError.INVALID_NAME.exception(name);
  }
}
