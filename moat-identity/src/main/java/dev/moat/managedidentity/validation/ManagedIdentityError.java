package dev.moat.managedidentity.validation;

import dev.moat.platform.error.ArmErrorCode;

/** Errors of {@code Microsoft.ManagedIdentity}, with ARM's codes. */
public enum ManagedIdentityError implements ArmErrorCode {
  // [EMU] Azure documents the rule (3-128 characters; letters, digits, '-' and '_'; starting with a
  // letter or digit) but not the RP's message text.
  INVALID_NAME(
      400,
      "InvalidResourceName",
      "Resource name '%s' is invalid. The name must be between 3 and 128 characters long, start"
          + " with a letter or number, and contain only letters, numbers, hyphens and"
          + " underscores."),
  // [EMU] the location of an existing tracked resource cannot change; ARM's wording varies by RP.
  LOCATION_CHANGE(
      400,
      "InvalidParameter",
      "The location '%s' of resource '%s' cannot be changed; the resource exists in '%s'.");

  private final int httpStatus;
  private final String code;
  private final String template;

  ManagedIdentityError(int httpStatus, String code, String template) {
    this.httpStatus = httpStatus;
    this.code = code;
    this.template = template;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String template() {
    return template;
  }
}
