package dev.moat.managedidentity.validation;

import dev.moat.platform.error.ArmErrorCode;
import dev.moat.platform.error.ErrorCode;

/** Errors of {@code Microsoft.ManagedIdentity}, with ARM's codes. */
public final class ManagedIdentityError {
  // [EMU] Azure documents the rule (3-128 characters; letters, digits, '-' and '_'; starting with a
  // letter or digit) but not the RP's message text.
  public static final ArmErrorCode INVALID_NAME =
      new ErrorCode(
          400,
          "InvalidResourceName",
          "Resource name '%s' is invalid. The name must be between 3 and 128 characters long, start"
              + " with a letter or number, and contain only letters, numbers, hyphens and"
              + " underscores.");
  // [EMU] the location of an existing tracked resource cannot change; ARM's wording varies by RP.
  public static final ArmErrorCode LOCATION_CHANGE =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The location '%s' of resource '%s' cannot be changed; the resource exists in '%s'.");

  private ManagedIdentityError() {}
}
