package dev.moat.resources.validation;

import dev.moat.platform.error.ArmErrorCode;
import dev.moat.platform.error.ErrorCode;

/** Errors of the resource-groups API, with ARM's codes and wording. */
public final class ResourceGroupError {
  public static final ArmErrorCode INVALID_NAME_CHARACTERS =
      new ErrorCode(
          400,
          "InvalidResourceGroup",
          "The provided resource group name '%s' has these invalid characters: '%s'. The name can only"
              + " be a letter, digit, '-', '.', '(', ')' or '_'.");
  public static final ArmErrorCode INVALID_NAME_LENGTH =
      new ErrorCode(
          400,
          "InvalidResourceGroup",
          "The provided resource group name '%s' is invalid. The name must be 1 to 90 characters long.");
  public static final ArmErrorCode INVALID_NAME_PERIOD =
      new ErrorCode(
          400,
          "InvalidResourceGroup",
          "The provided resource group name '%s' is invalid. The name cannot end with a period.");
  public static final ArmErrorCode LOCATION_NOT_AVAILABLE =
      new ErrorCode(
          400,
          "LocationNotAvailableForResourceGroup",
          "The provided location '%s' is not available for resource group. List of available regions"
              + " is '%s'.");
  public static final ArmErrorCode LOCATION_CONFLICT =
      new ErrorCode(
          409,
          "InvalidResourceGroupLocation",
          "Invalid resource group location '%s'. The Resource group already exists in location '%s'.");
  public static final ArmErrorCode BEING_DELETED =
      new ErrorCode(
          409,
          "ResourceGroupBeingDeleted",
          "The resource group '%s' is in deprovisioning state and cannot perform this operation.");

  private ResourceGroupError() {}
}
