package dev.moat.authorization.validation;

import dev.moat.platform.error.ArmErrorCode;
import dev.moat.platform.error.ErrorCode;

/**
 * Errors of {@code Microsoft.Authorization}, with Azure's codes and wording as the service returns
 * them (collected from real error responses quoted in Azure SDK, CLI and template issue threads).
 * Entries marked [EMU] have no published Azure text and are written in Azure's style.
 */
public final class AuthorizationError {
  public static final ArmErrorCode INVALID_ROLE_ASSIGNMENT_ID =
      new ErrorCode(
          400,
          "InvalidRoleAssignmentId",
          "The role assignment ID '%s' is not valid. The role assignment ID must be a GUID.");
  public static final ArmErrorCode INVALID_PRINCIPAL_ID =
      new ErrorCode(
          400,
          "InvalidPrincipalId",
          "The Principal ID '%s' is not valid. Principal ID must be a GUID.");
  public static final ArmErrorCode ROLE_DEFINITION_NOT_FOUND_FOR_ASSIGNMENT =
      new ErrorCode(
          400,
          "RoleDefinitionDoesNotExist",
          "The specified role definition with ID '%s' does not exist.");
  public static final ArmErrorCode ROLE_DEFINITION_NOT_FOUND =
      new ErrorCode(
          404,
          "RoleDefinitionDoesNotExist",
          "The specified role definition with ID '%s' does not exist.");
  public static final ArmErrorCode PRINCIPAL_NOT_FOUND =
      new ErrorCode(
          400,
          "PrincipalNotFound",
          "Principal %s does not exist in the directory %s. Check that you have the correct principal"
              + " ID. If you are creating this principal and then immediately assigning a role, this"
              + " error might be related to a replication delay. In this case, set the role assignment"
              + " principalType property to a value, such as ServicePrincipal, User, or Group.  See"
              + " https://aka.ms/docs-principaltype");
  public static final ArmErrorCode ROLE_ASSIGNMENT_EXISTS =
      new ErrorCode(
          409,
          "RoleAssignmentExists",
          "The role assignment already exists. The ID of the existing role assignment is %s.");
  public static final ArmErrorCode UPDATE_NOT_PERMITTED =
      new ErrorCode(
          400,
          "RoleAssignmentUpdateNotPermitted",
          "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.");
  // [EMU] Azure's wording for a missing assignment is not published; this follows its style.
  public static final ArmErrorCode ROLE_ASSIGNMENT_NOT_FOUND =
      new ErrorCode(404, "RoleAssignmentNotFound", "The role assignment '%s' is not found.");
  // [EMU] the property is required by the REST spec; Azure's own message text is not published.
  public static final ArmErrorCode MISSING_PROPERTY =
      new ErrorCode(
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized: 'Required property '%s' not"
              + " found in JSON. Path 'properties'.'.");
  // [EMU] Azure answers unsupported OData filters with BadRequest; the wording is Moat's.
  public static final ArmErrorCode UNSUPPORTED_FILTER =
      new ErrorCode(
          400,
          "UnsupportedQuery",
          "The filter '%s' is not supported. Supported filters are: atScope(), principalId eq '{id}',"
              + " assignedTo('{id}').");
  // [EMU] as above, for role definitions.
  public static final ArmErrorCode UNSUPPORTED_ROLE_FILTER =
      new ErrorCode(
          400,
          "UnsupportedQuery",
          "The filter '%s' is not supported. Supported filters are: roleName eq '{name}', type eq"
              + " 'BuiltInRole'.");

  private AuthorizationError() {}
}
