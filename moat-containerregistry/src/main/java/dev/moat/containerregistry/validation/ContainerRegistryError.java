package dev.moat.containerregistry.validation;

import dev.moat.platform.error.ArmErrorCode;
import dev.moat.platform.error.ErrorCode;

/**
 * Errors of Microsoft.ContainerRegistry with ACR's codes and wording. Entries marked {@code [EMU]}
 * have no published Azure text; their wording follows ACR's style ("... is not supported for the
 * SKU X. For more information, please visit https://aka.ms/acr/...").
 */
public final class ContainerRegistryError {
  // Code: ARM's code for a name that breaks the type's pattern (arm-api.md §10). [EMU] code;
  // message: az acr's BAD_REGISTRY_NAME (azure-cli acr/_validators.py), which is what users see.
  public static final ArmErrorCode INVALID_REGISTRY_NAME =
      new ErrorCode(
          400,
          "InvalidResourceName",
          "Registry names may contain only alpha numeric characters and must be between 5 and 50"
              + " characters");
  // Verbatim from `az acr create` output (MicrosoftDocs/azure-dev-docs#1303). HTTP status [EMU].
  public static final ArmErrorCode REGISTRY_NAME_IN_USE =
      new ErrorCode(
          409,
          "AlreadyInUse",
          "The registry DNS name %s is already in use. You can check if the name is already claimed"
              + " using following API:"
              + " https://docs.microsoft.com/en-us/rest/api/containerregistry/registries/checknameavailability");
  // ARM's wording for a tracked resource PUT without location.
  // [EMU] ARM's deserialisation wording for a missing required property.
  public static final ArmErrorCode SKU_REQUIRED =
      new ErrorCode(
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized: 'Required property 'sku'"
              + " not found in JSON.'.");
  // [EMU] Classic registries can no longer be created; no published error text.
  public static final ArmErrorCode CLASSIC_SKU_NOT_SUPPORTED =
      new ErrorCode(
          400,
          "SkuNotSupported",
          "The SKU 'Classic' is not supported. Supported SKUs are Basic, Standard and Premium. For more"
              + " information, please visit https://aka.ms/acr/skus.");
  // ARM's wording (409 InvalidResourceLocation) when a PUT moves an existing resource.
  public static final ArmErrorCode LOCATION_CONFLICT =
      new ErrorCode(
          409,
          "InvalidResourceLocation",
          "The resource '%s' already exists in location '%s' in resource group '%s'. A resource with"
              + " the same name cannot be created in location '%s'. Please select a new resource"
              + " name.");
  // Verbatim (terraform-provider-azurerm#26054; Azure-Samples issue #5).
  public static final ArmErrorCode DISABLING_PUBLIC_ACCESS_NOT_SUPPORTED =
      new ErrorCode(
          400,
          "DisablingPublicNetworkAccessNotSupported",
          "Disabling public network access is not supported for the SKU %s. For more information,"
              + " please visit https://aka.ms/acr/private-link.");
  // [EMU] docs: "Configuring IP access rules is available in the Premium container registry
  // service tier" (container-registry-access-selected-networks.md).
  public static final ArmErrorCode NETWORK_RULES_NOT_SUPPORTED =
      new ErrorCode(
          400,
          "NetworkRuleSetNotSupported",
          "Network rules are not supported for the SKU %s. For more information, please visit"
              + " https://aka.ms/acr/firewall.");
  // [EMU] docs: "Each registry supports a maximum of 100 IP access rules."
  public static final ArmErrorCode TOO_MANY_IP_RULES =
      new ErrorCode(
          400,
          "IpRuleLimitExceeded",
          "The number of IP rules (%d) exceeds the maximum of 100 allowed per registry. For more"
              + " information, please visit https://aka.ms/acr/firewall.");
  // [EMU] dedicated data endpoints are a Premium feature (container-registry-dedicated-data-
  // endpoints.md).
  public static final ArmErrorCode DATA_ENDPOINT_NOT_SUPPORTED =
      new ErrorCode(
          400,
          "DataEndpointNotSupported",
          "Dedicated data endpoints are not supported for the SKU %s. For more information, please"
              + " visit https://aka.ms/acr/dedicated-data-endpoints.");
  // [EMU] private link needs Premium (container-registry-private-link.md).
  public static final ArmErrorCode PRIVATE_ENDPOINT_NOT_SUPPORTED =
      new ErrorCode(
          400,
          "PrivateEndpointNotSupported",
          "Private endpoint connections are not supported for the SKU %s. For more information, please"
              + " visit https://aka.ms/acr/private-link.");
  // [EMU] a registry with private endpoints cannot leave Premium.
  public static final ArmErrorCode SKU_DOWNGRADE_WITH_PRIVATE_ENDPOINTS =
      new ErrorCode(
          400,
          "SkuDowngradeNotSupported",
          "The SKU of registry '%s' cannot be changed from Premium to %s because it has %d private"
              + " endpoint connection(s). Delete them first. For more information, please visit"
              + " https://aka.ms/acr/private-link.");
  // [EMU] ACR's names: 5-50 of [a-zA-Z0-9-] (the spec's pattern for cacheRuleName).
  public static final ArmErrorCode INVALID_CHILD_NAME =
      new ErrorCode(
          400,
          "InvalidResourceName",
          "Resource name '%s' is invalid. %s names may contain only alpha numeric characters and"
              + " dashes and must be between 5 and 50 characters.");
  // [EMU] missing required property, ARM's deserialisation wording.
  public static final ArmErrorCode PROPERTY_REQUIRED =
      new ErrorCode(
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized: 'Required property '%s'"
              + " not found in JSON.'.");
  // Message verbatim (ACR portal/RP, Azure/acr#766); code [EMU].
  public static final ArmErrorCode INVALID_REPOSITORY_NAME =
      new ErrorCode(
          400,
          "InvalidRepositoryName",
          "Repository names should follow the standardized docker repository naming conventions. All"
              + " characters should be lowercase. For more information, please visit"
              + " https://aka.ms/acr/cache.");
  // Verbatim (Azure/acr#783 and #862, 2025-12 list).
  public static final ArmErrorCode UPSTREAM_NOT_SUPPORTED =
      new ErrorCode(
          400,
          "UpstreamNotSupported",
          "Unsupported upstream or login server '%s' provided. Supported upstreams or login servers"
              + " are: %s.");
  // [EMU] both sides of a rule are wildcards or neither is.
  public static final ArmErrorCode WILDCARD_MISMATCH =
      new ErrorCode(
          400,
          "InvalidCacheRule",
          "Source repository '%s' and target repository '%s' must either both end with the wildcard"
              + " '/*' or neither. For more information, please visit https://aka.ms/acr/cache.");
  // [EMU] troubleshoot-artifact-cache.md: "the error message suggests that there's already a
  // cache rule with a wildcard for the specified target repository".
  public static final ArmErrorCode WILDCARD_CONFLICT =
      new ErrorCode(
          409,
          "WildcardCacheRuleConflict",
          "A cache rule with a wildcard already exists for the target repository '%s': cache rule '%s'"
              + " targets '%s'. Wildcard cache rules cannot overlap. For more information, please"
              + " visit https://aka.ms/acr/cache.");
  // [EMU] modelled on TargetRepositoryAlreadyPresentInRegistry (ARO-HCP#2639).
  public static final ArmErrorCode TARGET_IN_USE =
      new ErrorCode(
          409,
          "TargetRepositoryAlreadyInUse",
          "Conflict: Target repository '%s' is already the target of cache rule '%s'. For more"
              + " information, please visit https://aka.ms/acr/cache");
  // [EMU] troubleshoot-artifact-cache.md: more than 1,000 cache rules fails creation.
  public static final ArmErrorCode CACHE_RULE_LIMIT =
      new ErrorCode(
          409,
          "CacheRuleQuotaExceeded",
          "The registry '%s' already has the maximum of %d cache rules. Delete unused cache rules"
              + " and try again. For more information, please visit https://aka.ms/acr/cache.");
  // [EMU] borrowed from other RPs' create-only property errors.
  public static final ArmErrorCode PROPERTY_CHANGE_NOT_ALLOWED =
      new ErrorCode(
          400,
          "PropertyChangeNotAllowed",
          "Changing property '%s' is not allowed. It can only be set when the %s is created.");
  // [EMU] the credential set a cache rule names must exist in the same registry.
  public static final ArmErrorCode CREDENTIAL_SET_NOT_FOUND =
      new ErrorCode(
          400,
          "CredentialSetNotFound",
          "The credential set '%s' was not found in registry '%s'. For more information, please visit"
              + " https://aka.ms/acr/cache.");
  // [EMU] a credential set used by cache rules cannot be deleted.
  public static final ArmErrorCode CREDENTIAL_SET_IN_USE =
      new ErrorCode(
          409,
          "CredentialSetInUse",
          "The credential set '%s' is used by cache rule(s) %s. Update or delete them first. For"
              + " more information, please visit https://aka.ms/acr/cache.");
  // importImage. Code InvalidParameters is ACR's generic import failure code (Azure/acr #632,
  // #508); the messages are [EMU] (no published text for these cases).
  public static final ArmErrorCode IMPORT_INVALID_PARAMETERS =
      new ErrorCode(400, "InvalidParameters", "%s");
  public static final ArmErrorCode IMPORT_SOURCE_NOT_FOUND =
      new ErrorCode(404, "InvalidParameters", "%s");
  public static final ArmErrorCode IMPORT_TAG_EXISTS =
      new ErrorCode(409, "InvalidParameters", "%s");
  public static final ArmErrorCode IMPORT_FAILED = new ErrorCode(400, "InvalidParameters", "%s");
  // [EMU] checkNameAvailability's answer for an unknown type.
  public static final ArmErrorCode UNSUPPORTED_NAME_CHECK_TYPE =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The resource type '%s' is not supported. Supported type:"
              + " 'Microsoft.ContainerRegistry/registries'.");

  private ContainerRegistryError() {}
}
