package dev.moat.authorization.validation;

import dev.moat.arm.validation.SpecTable;
import dev.moat.arm.validation.ValidationErrors;
import dev.moat.arm.validation.Violation;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceType;

/** Microsoft.Authorization's wording of a broken spec rule. */
public final class AuthorizationValidationErrors implements ValidationErrors {
  public static final AuthorizationValidationErrors INSTANCE = new AuthorizationValidationErrors();

  private AuthorizationValidationErrors() {}

  @Override
  public ArmException invalidName(ResourceType type, String name, SpecTable.NameRule rule) {
    return AuthorizationError.INVALID_ROLE_ASSIGNMENT_ID.exception(name);
  }

  @Override
  public ArmException invalidValue(ResourceType type, Violation v) {
    if (v.rule().kind() == SpecTable.Kind.REQUIRED) {
      String[] parts = v.path().split("\\.");
      return AuthorizationError.MISSING_PROPERTY.exception(parts[parts.length - 1]);
    }
    return ValidationErrors.super.invalidValue(type, v);
  }
}
