package dev.moat.resources.validation;

import dev.moat.platform.error.ArmErrorCode;

/** Errors of the resource-groups API, with ARM's codes and wording. */
public enum ResourceGroupError implements ArmErrorCode {
  INVALID_NAME_CHARACTERS(
      400,
      "InvalidResourceGroup",
      "The provided resource group name '%s' has these invalid characters: '%s'. The name can only"
          + " be a letter, digit, '-', '.', '(', ')' or '_'."),
  INVALID_NAME_LENGTH(
      400,
      "InvalidResourceGroup",
      "The provided resource group name '%s' is invalid. The name must be 1 to 90 characters long."),
  INVALID_NAME_PERIOD(
      400,
      "InvalidResourceGroup",
      "The provided resource group name '%s' is invalid. The name cannot end with a period."),
  LOCATION_NOT_AVAILABLE(
      400,
      "LocationNotAvailableForResourceGroup",
      "The provided location '%s' is not available for resource group. List of available regions"
          + " is '%s'."),
  LOCATION_CONFLICT(
      409,
      "InvalidResourceGroupLocation",
      "Invalid resource group location '%s'. The Resource group already exists in location '%s'."),
  BEING_DELETED(
      409,
      "ResourceGroupBeingDeleted",
      "The resource group '%s' is in deprovisioning state and cannot perform this operation.");

  private final int httpStatus;
  private final String code;
  private final String template;

  ResourceGroupError(int httpStatus, String code, String template) {
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
