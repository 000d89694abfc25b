package dev.moat.platform.error;

/** ARM errors raised by the front door and shared by every provider, with Azure's wording. */
public final class CommonError {
  public static final ArmErrorCode MISSING_API_VERSION =
      new ErrorCode(
          400,
          "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.");
  public static final ArmErrorCode INVALID_API_VERSION =
      new ErrorCode(
          400,
          "InvalidApiVersionParameter",
          "The api-version '%s' is invalid. The supported versions are '%s'.");
  public static final ArmErrorCode NO_REGISTERED_PROVIDER =
      new ErrorCode(
          400,
          "NoRegisteredProviderFound",
          "No registered resource provider found for location '%s' and API version '%s' for type '%s'."
              + " The supported api-versions are '%s'.");
  public static final ArmErrorCode INVALID_RESOURCE_NAMESPACE =
      new ErrorCode(400, "InvalidResourceNamespace", "The resource namespace '%s' is invalid.");
  public static final ArmErrorCode INVALID_RESOURCE_TYPE =
      new ErrorCode(
          400,
          "InvalidResourceType",
          "The resource type '%s' could not be found in the namespace '%s' for api version '%s'.");
  public static final ArmErrorCode INVALID_RESOURCE_ID =
      new ErrorCode(
          400,
          "LinkedInvalidPropertyId",
          "Property id '%s' is invalid. Expect fully qualified resource Id.");
  public static final ArmErrorCode INVALID_REQUEST_CONTENT =
      new ErrorCode(
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized: '%s'.");

  /**
   * ARM's limit on request content (4 MB). The code is the one ARM's documentation names for the
   * case; the message is written in its style (no published text found).
   */
  public static final ArmErrorCode REQUEST_TOO_LARGE =
      new ErrorCode(
          413,
          "RequestContentTooLarge",
          "The request content size exceeds the maximum size of %d bytes.");

  /** ARM's answer to a body that is not JSON (quoted by the ARO RP and Chaos Studio's docs). */
  public static final ArmErrorCode UNSUPPORTED_MEDIA_TYPE =
      new ErrorCode(
          415,
          "UnsupportedMediaType",
          "The content media type '%s' is not supported. Only 'application/json' is supported.");

  /** Quoted in many client issues (e.g. Azure/azure-cli#30953). */
  public static final ArmErrorCode INVALID_SUBSCRIPTION_ID =
      new ErrorCode(
          400,
          "InvalidSubscriptionId",
          "The provided subscription identifier '%s' is malformed or invalid.");

  public static final ArmErrorCode LOCATION_REQUIRED =
      new ErrorCode(
          400, "LocationRequired", "The location property is required for this definition.");

  /** ARM's tag limits (resources.json tag operations: 50 tags, names 512, values 256). */
  public static final ArmErrorCode TOO_MANY_TAGS =
      new ErrorCode(
          400,
          "InvalidTemplate",
          "The number of tags '%d' exceeds the maximum of 50 allowed per resource.");

  public static final ArmErrorCode TAG_NAME_TOO_LONG =
      new ErrorCode(
          400,
          "InvalidTagNameLength",
          "The tag name '%s' exceeds the maximum length of '512' characters.");
  public static final ArmErrorCode TAG_VALUE_TOO_LONG =
      new ErrorCode(
          400,
          "InvalidTagValueLength",
          "The tag value '%s' of tag name '%s' exceeds the maximum length of '256' characters.");
  public static final ArmErrorCode TAG_NAME_CHARACTERS =
      new ErrorCode(
          400,
          "InvalidTagNameCharacters",
          "The tag names '%s' have reserved characters '<,>,%%,&,\\,?,/' or control characters.");

  /**
   * ARM's deserialisation wording for a missing required property (the spec's {@code required}), as
   * ACR and Microsoft.Authorization answer it.
   */
  public static final ArmErrorCode MISSING_PROPERTY =
      new ErrorCode(
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized: 'Required property '%s'"
              + " not found in JSON. Path '%s'.'.");

  public static final ArmErrorCode INVALID_PARAMETER_VALUE =
      new ErrorCode(400, "InvalidParameter", "The value '%s' of parameter '%s' is not valid: %s.");
  public static final ArmErrorCode MISSING_BODY =
      new ErrorCode(
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized: 'The request body is empty.'.");
  public static final ArmErrorCode METHOD_NOT_ALLOWED =
      new ErrorCode(
          405,
          "HttpMethodNotSupported",
          "The http method '%s' is not supported for a resource of type '%s'.");
  public static final ArmErrorCode NOT_FOUND_PATH =
      new ErrorCode(404, "NotFound", "The requested path '%s' was not found.");
  public static final ArmErrorCode RESOURCE_NOT_FOUND =
      new ErrorCode(
          404,
          "ResourceNotFound",
          "The Resource '%s' under resource group '%s' was not found. For more details please go to"
              + " https://aka.ms/ARMResourceNotFoundFix");
  public static final ArmErrorCode PARENT_RESOURCE_NOT_FOUND =
      new ErrorCode(
          404,
          "ParentResourceNotFound",
          "Failed to perform '%s' on resource(s) of type '%s', because the parent resource '%s' could"
              + " not be found.");
  public static final ArmErrorCode RESOURCE_GROUP_NOT_FOUND =
      new ErrorCode(404, "ResourceGroupNotFound", "Resource group '%s' could not be found.");
  public static final ArmErrorCode SUBSCRIPTION_NOT_FOUND =
      new ErrorCode(404, "SubscriptionNotFound", "The subscription '%s' could not be found.");
  public static final ArmErrorCode OPERATION_NOT_FOUND =
      new ErrorCode(404, "NotFound", "The operation '%s' could not be found.");
  public static final ArmErrorCode INVALID_LOCATION =
      new ErrorCode(
          400,
          "LocationNotAvailableForResourceType",
          "The provided location '%s' is not available for resource type '%s'. List of available"
              + " regions for the resource type is '%s'.");
  public static final ArmErrorCode INVALID_PARAMETER = new ErrorCode(400, "InvalidParameter", "%s");
  public static final ArmErrorCode INVALID_RESOURCE_NAME =
      new ErrorCode(
          400,
          "InvalidResourceName",
          "Resource name %s is invalid. The name can be up to %d characters long. %s");
  public static final ArmErrorCode CONFLICT = new ErrorCode(409, "Conflict", "%s");
  public static final ArmErrorCode ANOTHER_OPERATION_IN_PROGRESS =
      new ErrorCode(
          409,
          "AnotherOperationInProgress",
          "Another operation (%s) is in progress on resource '%s'. Please retry after it has"
              + " completed.");
  public static final ArmErrorCode PRECONDITION_FAILED =
      new ErrorCode(
          412,
          "PreconditionFailed",
          "The condition '%s' in the request header did not match the current state of the resource.");
  public static final ArmErrorCode AUTHENTICATION_MISSING =
      new ErrorCode(
          401,
          "AuthenticationFailed",
          "Authentication failed. The 'Authorization' header is missing.");
  public static final ArmErrorCode AUTHENTICATION_FORMAT =
      new ErrorCode(
          401,
          "AuthenticationFailedInvalidHeader",
          "Authentication failed. The 'Authorization' header is provided in an invalid format.");
  public static final ArmErrorCode INVALID_TOKEN =
      new ErrorCode(401, "InvalidAuthenticationToken", "The access token is invalid.");
  public static final ArmErrorCode EXPIRED_TOKEN =
      new ErrorCode(
          401,
          "ExpiredAuthenticationToken",
          "The access token expiry UTC time '%s' is earlier than current UTC time '%s'.");
  public static final ArmErrorCode INVALID_AUDIENCE =
      new ErrorCode(
          401,
          "InvalidAuthenticationTokenAudience",
          "The access token has been obtained for wrong audience or resource '%s'. It should exactly"
              + " match with one of the allowed audiences '%s'.");
  public static final ArmErrorCode AUTHORIZATION_FAILED =
      new ErrorCode(
          403,
          "AuthorizationFailed",
          "The client '%s' with object id '%s' does not have authorization to perform action '%s' over"
              + " scope '%s' or the scope is invalid. If access was recently granted, please refresh"
              + " your credentials.");
  public static final ArmErrorCode INTERNAL_ERROR =
      new ErrorCode(
          500,
          "InternalServerError",
          "The server encountered an internal error. Please retry the request.");

  private CommonError() {}
}
