package dev.moat.network.validation;

import dev.moat.platform.error.ArmErrorCode;
import dev.moat.platform.error.ErrorCode;

/**
 * Errors of the Microsoft.Network API, with Azure's codes and wording. Sources: messages quoted in
 * public Azure CLI / Terraform / docs issues (see each entry); {@code [EMU]} marks text Azure does
 * not publish, written in its style.
 */
public final class NetworkError {
  // Quoted in Azure/avdaccelerator#83 and Azure/azure-service-operator#997.
  public static final ArmErrorCode INVALID_ADDRESS_PREFIX_FORMAT =
      new ErrorCode(
          400,
          "InvalidAddressPrefixFormat",
          "Address prefix %s of resource %s is not formatted correctly. It should follow CIDR notation,"
              + " for example 10.0.0.0/24.");
  // Quoted in public deployment logs ("The address prefix 10.10.10.0/16 ... should be
  // 10.10.0.0/16").
  public static final ArmErrorCode INVALID_CIDR_NOTATION =
      new ErrorCode(
          400,
          "InvalidCIDRNotation",
          "The address prefix %s in resource %s has an invalid CIDR notation. For the given prefix"
              + " length, the address prefix should be %s.");
  // Quoted in Azure/azure-cli#28097.
  public static final ArmErrorCode INVALID_SUBNET =
      new ErrorCode(
          400, "NetcfgInvalidSubnet", "Subnet '%s' is not valid in virtual network '%s'.");
  // Quoted in MicrosoftDocs/azure-docs#123869.
  public static final ArmErrorCode SUBNET_OUTSIDE_VNET =
      new ErrorCode(
          400,
          "NetcfgSubnetRangeOutsideVnet",
          "Subnet '%s' is not valid because its IP address range is outside the IP address range of"
              + " virtual network '%s'.");
  // Quoted in MicrosoftDocs/azure-docs#123869.
  public static final ArmErrorCode SUBNETS_OVERLAP =
      new ErrorCode(
          400,
          "NetcfgSubnetRangesOverlap",
          "Subnet '%s' is not valid because its IP address range overlaps with that of an existing"
              + " subnet in virtual network '%s'.");
  // Quoted in microsoft/nav-arm-templates#161 and
  // Azure-Samples/Copilot-Studio-with-Azure-AI-Search#99.
  public static final ArmErrorCode IN_USE_SUBNET_CANNOT_BE_DELETED =
      new ErrorCode(
          400,
          "InUseSubnetCannotBeDeleted",
          "Subnet %s is in use by %s and cannot be deleted. In order to delete the subnet, delete all"
              + " the resources within the subnet. See aka.ms/deletesubnet.");
  // Code seen in public Terraform/PowerShell retry lists; [EMU] message.
  public static final ArmErrorCode IN_USE_SUBNET_CANNOT_BE_UPDATED =
      new ErrorCode(
          400,
          "InUseSubnetCannotBeUpdated",
          "Subnet %s is in use by %s and its address prefix cannot be changed to exclude address %s.");
  // ARM's text for a PUT that would move an existing resource.
  public static final ArmErrorCode LOCATION_CONFLICT =
      new ErrorCode(
          400,
          "InvalidResourceLocation",
          "The resource '%s' already exists in location '%s' in resource group '%s'. A resource with"
              + " the same name cannot be created in location '%s'. Please select a new resource"
              + " name.");
  // NRP's wording for a reference to a missing resource or one in another region.
  public static final ArmErrorCode INVALID_RESOURCE_REFERENCE =
      new ErrorCode(
          400,
          "InvalidResourceReference",
          "Resource %s referenced by resource %s was not found. Please make sure that the referenced"
              + " resource exists, and that both resources are in the same region.");
  // Child resources of NRP answer 404 NotFound with this text.
  public static final ArmErrorCode CHILD_NOT_FOUND =
      new ErrorCode(404, "NotFound", "Resource %s not found.");
  // Quoted in pulumi/pulumi-azure-nextgen#264 (a connection without a name).
  public static final ArmErrorCode INVALID_REQUEST_FORMAT =
      new ErrorCode(400, "InvalidRequestFormat", "Cannot parse the request.");
  // Code seen in public infrastructure repositories (e.g. a delegation to
  // Microsoft.ContainerRegistry/registries); [EMU] message in NRP's style.
  public static final ArmErrorCode INVALID_DELEGATION_SERVICE =
      new ErrorCode(
          400,
          "InvalidServiceNameOnDelegation",
          "Subnet %s has an invalid service name %s in delegation %s.");
  // [EMU] code and message: Azure refuses a private endpoint with no connection at all, but its
  // wording is not published.
  public static final ArmErrorCode ENDPOINT_WITHOUT_CONNECTION =
      new ErrorCode(
          400,
          "PrivateEndpointMustHaveOnePrivateLinkServiceConnection",
          "Private endpoint %s must have exactly one private link service connection or one manual"
              + " private link service connection.");
  // Quoted in Azure/azure-cli#15136.
  public static final ArmErrorCode MISSING_GROUP_ID =
      new ErrorCode(
          400,
          "MissingParameterOnPrivateLinkServiceConnection",
          "Private link service connection %s is missing required parameter 'group Id'.");
  // Quoted in DFE-Digital/terraform-azurerm-container-apps-hosting#352.
  public static final ArmErrorCode ONLY_ONE_GROUP_ID =
      new ErrorCode(
          400,
          "OnlyOneGroupIdPermitted",
          "Private link service connection %s has the following group Ids: %s. Only one group Id is"
              + " permitted when connecting to a first-party resource (%s).");
  // "Call to <type> failed. Error message: ..." is how NRP relays the target provider's refusal
  // (seen for Microsoft.Storage, Microsoft.KeyVault, microsoft.insights); [EMU] inner message. Used
  // both for a missing target and for a group id it does not offer: the PrivateLinkTargets contract
  // does not tell the two apart.
  public static final ArmErrorCode PRIVATE_LINK_RESOURCE_NOT_FOUND =
      new ErrorCode(
          400,
          "BadRequest",
          "Call to %s failed. Error message: Private link resource '%s' of resource '%s' was not"
              + " found.");
  // Quoted in Azure/bicep#7119.
  public static final ArmErrorCode STATIC_IP_MISSING_MEMBERS =
      new ErrorCode(
          400,
          "PrivateEndpointIpConfigurationMissingMemberNamesRequiredByFps",
          "Private Endpoint %s contains static ipconfigurations: [%s] and its missing these"
              + " membernames/groupids requested by Private Link service [%s]. Private Endpoint needs"
              + " to be reconfigured with missing memberNames.");
  public static final ArmErrorCode PRIVATE_IP_NOT_IN_SUBNET =
      new ErrorCode(
          400,
          "PrivateIPAddressNotInSubnet",
          "IP configuration %s is using the private IP address %s which is not in subnet %s.");
  public static final ArmErrorCode PRIVATE_IP_IN_RESERVED_RANGE =
      new ErrorCode(
          400,
          "PrivateIPAddressInReservedRange",
          "Private static IP address %s falls within reserved IP range of subnet prefix %s.");
  public static final ArmErrorCode PRIVATE_IP_ALLOCATED =
      new ErrorCode(
          400,
          "PrivateIPAddressIsAllocated",
          "IP configuration %s is using the private IP address %s which is already allocated to"
              + " resource %s.");
  public static final ArmErrorCode SUBNET_FULL =
      new ErrorCode(
          400,
          "SubnetIsFull",
          "Subnet %s with address prefix %s does not have enough capacity for %d IP addresses.");
  public static final ArmErrorCode SUBNET_DELEGATED =
      new ErrorCode(
          400,
          "PrivateEndpointCreationNotAllowedAsSubnetIsDelegated",
          "Private endpoint %s cannot be created as subnet %s is delegated.");
  // [EMU]
  public static final ArmErrorCode SUBNET_CHANGE =
      new ErrorCode(
          400,
          "PrivateEndpointSubnetCannotBeChanged",
          "Subnet of private endpoint %s cannot be changed from %s to %s.");
  // [EMU]
  public static final ArmErrorCode NIC_NAME_TAKEN =
      new ErrorCode(
          409,
          "NetworkInterfaceNameAlreadyInUse",
          "Network interface %s already exists and cannot be used as the custom network interface of"
              + " private endpoint %s.");
  // Code quoted in Azure/azure-sdk-for-python#18911 ("Network interface cannot be modified by
  // user"); [EMU] rest of the message.
  public static final ArmErrorCode NIC_ATTACHED_TO_PRIVATE_ENDPOINT =
      new ErrorCode(
          400,
          "CannotModifyNicAttachedToPrivateEndpoint",
          "Network interface %s cannot be modified by user as it is attached to private endpoint %s.");
  // [EMU] Moat only creates NICs for private endpoints.
  public static final ArmErrorCode NIC_CREATE_NOT_SUPPORTED =
      new ErrorCode(
          400,
          "UnsupportedNetworkInterface",
          "Network interface %s cannot be created: Moat creates network interfaces only for private"
              + " endpoints.");
  public static final ArmErrorCode PRIVATE_DNS_ZONE_NOT_FOUND =
      new ErrorCode(
          400,
          "InvalidResourceReference",
          "Resource %s referenced by resource %s was not found. Please make sure that the referenced"
              + " resource exists, and that both resources are in the same region.");

  private NetworkError() {}
}
