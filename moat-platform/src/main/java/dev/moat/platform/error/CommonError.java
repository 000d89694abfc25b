package dev.moat.platform.error;

/** ARM errors raised by the front door and shared by every provider, with Azure's wording. */
public enum CommonError implements ArmErrorCode {
  MISSING_API_VERSION(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests."),
  INVALID_API_VERSION(
      400,
      "InvalidApiVersionParameter",
      "The api-version '%s' is invalid. The supported versions are '%s'."),
  NO_REGISTERED_PROVIDER(
      400,
      "NoRegisteredProviderFound",
      "No registered resource provider found for location '%s' and API version '%s' for type '%s'."
          + " The supported api-versions are '%s'."),
  INVALID_RESOURCE_NAMESPACE(
      400, "InvalidResourceNamespace", "The resource namespace '%s' is invalid."),
  INVALID_RESOURCE_TYPE(
      400,
      "InvalidResourceType",
      "The resource type '%s' could not be found in the namespace '%s' for api version '%s'."),
  INVALID_RESOURCE_ID(
      400,
      "LinkedInvalidPropertyId",
      "Property id '%s' is invalid. Expect fully qualified resource Id."),
  INVALID_REQUEST_CONTENT(
      400,
      "InvalidRequestContent",
      "The request content was invalid and could not be deserialized: '%s'."),
  /**
   * ARM's limit on request content (4 MB). The code is the one ARM's documentation names for the
   * case; the message is written in its style (no published text found).
   */
  REQUEST_TOO_LARGE(
      413,
      "RequestContentTooLarge",
      "The request content size exceeds the maximum size of %d bytes."),
  /** ARM's answer to a body that is not JSON (quoted by the ARO RP and Chaos Studio's docs). */
  UNSUPPORTED_MEDIA_TYPE(
      415,
      "UnsupportedMediaType",
      "The content media type '%s' is not supported. Only 'application/json' is supported."),
  /** Quoted in many client issues (e.g. Azure/azure-cli#30953). */
  INVALID_SUBSCRIPTION_ID(
      400,
      "InvalidSubscriptionId",
      "The provided subscription identifier '%s' is malformed or invalid."),
  LOCATION_REQUIRED(
      400, "LocationRequired", "The location property is required for this definition."),
  /** ARM's tag limits (resources.json tag operations: 50 tags, names 512, values 256). */
  TOO_MANY_TAGS(
      400,
      "InvalidTemplate",
      "The number of tags '%d' exceeds the maximum of 50 allowed per resource."),
  TAG_NAME_TOO_LONG(
      400,
      "InvalidTagNameLength",
      "The tag name '%s' exceeds the maximum length of '512' characters."),
  TAG_VALUE_TOO_LONG(
      400,
      "InvalidTagValueLength",
      "The tag value '%s' of tag name '%s' exceeds the maximum length of '256' characters."),
  TAG_NAME_CHARACTERS(
      400,
      "InvalidTagNameCharacters",
      "The tag names '%s' have reserved characters '<,>,%%,&,\\,?,/' or control characters."),
  /**
   * ARM's deserialisation wording for a missing required property (the spec's {@code required}), as
   * ACR and Microsoft.Authorization answer it.
   */
  MISSING_PROPERTY(
      400,
      "InvalidRequestContent",
      "The request content was invalid and could not be deserialized: 'Required property '%s'"
          + " not found in JSON. Path '%s'.'."),
  INVALID_PARAMETER_VALUE(
      400, "InvalidParameter", "The value '%s' of parameter '%s' is not valid: %s."),
  MISSING_BODY(
      400,
      "InvalidRequestContent",
      "The request content was invalid and could not be deserialized: 'The request body is empty.'."),
  METHOD_NOT_ALLOWED(
      405,
      "HttpMethodNotSupported",
      "The http method '%s' is not supported for a resource of type '%s'."),
  NOT_FOUND_PATH(404, "NotFound", "The requested path '%s' was not found."),
  RESOURCE_NOT_FOUND(
      404,
      "ResourceNotFound",
      "The Resource '%s' under resource group '%s' was not found. For more details please go to"
          + " https://aka.ms/ARMResourceNotFoundFix"),
  PARENT_RESOURCE_NOT_FOUND(
      404,
      "ParentResourceNotFound",
      "Failed to perform '%s' on resource(s) of type '%s', because the parent resource '%s' could"
          + " not be found."),
  RESOURCE_GROUP_NOT_FOUND(404, "ResourceGroupNotFound", "Resource group '%s' could not be found."),
  SUBSCRIPTION_NOT_FOUND(404, "SubscriptionNotFound", "The subscription '%s' could not be found."),
  OPERATION_NOT_FOUND(404, "NotFound", "The operation '%s' could not be found."),
  INVALID_LOCATION(
      400,
      "LocationNotAvailableForResourceType",
      "The provided location '%s' is not available for resource type '%s'. List of available"
          + " regions for the resource type is '%s'."),
  INVALID_PARAMETER(400, "InvalidParameter", "%s"),
  INVALID_RESOURCE_NAME(
      400,
      "InvalidResourceName",
      "Resource name %s is invalid. The name can be up to %d characters long. %s"),
  CONFLICT(409, "Conflict", "%s"),
  ANOTHER_OPERATION_IN_PROGRESS(
      409,
      "AnotherOperationInProgress",
      "Another operation (%s) is in progress on resource '%s'. Please retry after it has"
          + " completed."),
  PRECONDITION_FAILED(
      412,
      "PreconditionFailed",
      "The condition '%s' in the request header did not match the current state of the resource."),
  AUTHENTICATION_MISSING(
      401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."),
  AUTHENTICATION_FORMAT(
      401,
      "AuthenticationFailedInvalidHeader",
      "Authentication failed. The 'Authorization' header is provided in an invalid format."),
  INVALID_TOKEN(401, "InvalidAuthenticationToken", "The access token is invalid."),
  EXPIRED_TOKEN(
      401,
      "ExpiredAuthenticationToken",
      "The access token expiry UTC time '%s' is earlier than current UTC time '%s'."),
  INVALID_AUDIENCE(
      401,
      "InvalidAuthenticationTokenAudience",
      "The access token has been obtained for wrong audience or resource '%s'. It should exactly"
          + " match with one of the allowed audiences '%s'."),
  AUTHORIZATION_FAILED(
      403,
      "AuthorizationFailed",
      "The client '%s' with object id '%s' does not have authorization to perform action '%s' over"
          + " scope '%s' or the scope is invalid. If access was recently granted, please refresh"
          + " your credentials."),
  INTERNAL_ERROR(
      500,
      "InternalServerError",
      "The server encountered an internal error. Please retry the request.");

  private final int httpStatus;
  private final String code;
  private final String template;

  CommonError(int httpStatus, String code, String template) {
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
