package dev.moat.network.validation;

import dev.moat.platform.error.ArmErrorCode;

/**
 * Errors of the Microsoft.Network API, with Azure's codes and wording. Sources: messages quoted in
 * public Azure CLI / Terraform / docs issues (see each entry); {@code [EMU]} marks text Azure does
 * not publish, written in its style.
 */
public enum NetworkError implements ArmErrorCode {
  // Quoted in Azure/avdaccelerator#83 and Azure/azure-service-operator#997.
  INVALID_ADDRESS_PREFIX_FORMAT(
      400,
      "InvalidAddressPrefixFormat",
      "Address prefix %s of resource %s is not formatted correctly. It should follow CIDR notation,"
          + " for example 10.0.0.0/24."),
  // Quoted in public deployment logs ("The address prefix 10.10.10.0/16 ... should be
  // 10.10.0.0/16").
  INVALID_CIDR_NOTATION(
      400,
      "InvalidCIDRNotation",
      "The address prefix %s in resource %s has an invalid CIDR notation. For the given prefix"
          + " length, the address prefix should be %s."),
  // Quoted in Azure/azure-cli#28097.
  INVALID_SUBNET(400, "NetcfgInvalidSubnet", "Subnet '%s' is not valid in virtual network '%s'."),
  // Quoted in MicrosoftDocs/azure-docs#123869.
  SUBNET_OUTSIDE_VNET(
      400,
      "NetcfgSubnetRangeOutsideVnet",
      "Subnet '%s' is not valid because its IP address range is outside the IP address range of"
          + " virtual network '%s'."),
  // Quoted in MicrosoftDocs/azure-docs#123869.
  SUBNETS_OVERLAP(
      400,
      "NetcfgSubnetRangesOverlap",
      "Subnet '%s' is not valid because its IP address range overlaps with that of an existing"
          + " subnet in virtual network '%s'."),
  // Quoted in microsoft/nav-arm-templates#161 and
  // Azure-Samples/Copilot-Studio-with-Azure-AI-Search#99.
  IN_USE_SUBNET_CANNOT_BE_DELETED(
      400,
      "InUseSubnetCannotBeDeleted",
      "Subnet %s is in use by %s and cannot be deleted. In order to delete the subnet, delete all"
          + " the resources within the subnet. See aka.ms/deletesubnet."),
  // Code seen in public Terraform/PowerShell retry lists; [EMU] message.
  IN_USE_SUBNET_CANNOT_BE_UPDATED(
      400,
      "InUseSubnetCannotBeUpdated",
      "Subnet %s is in use by %s and its address prefix cannot be changed to exclude address %s."),
  // ARM's text for a PUT that would move an existing resource.
  LOCATION_CONFLICT(
      400,
      "InvalidResourceLocation",
      "The resource '%s' already exists in location '%s' in resource group '%s'. A resource with"
          + " the same name cannot be created in location '%s'. Please select a new resource"
          + " name."),
  // NRP's wording for a reference to a missing resource or one in another region.
  INVALID_RESOURCE_REFERENCE(
      400,
      "InvalidResourceReference",
      "Resource %s referenced by resource %s was not found. Please make sure that the referenced"
          + " resource exists, and that both resources are in the same region."),
  // Child resources of NRP answer 404 NotFound with this text.
  CHILD_NOT_FOUND(404, "NotFound", "Resource %s not found."),
  // Quoted in pulumi/pulumi-azure-nextgen#264 (a connection without a name).
  INVALID_REQUEST_FORMAT(400, "InvalidRequestFormat", "Cannot parse the request."),
  // Code seen in public infrastructure repositories (e.g. a delegation to
  // Microsoft.ContainerRegistry/registries); [EMU] message in NRP's style.
  INVALID_DELEGATION_SERVICE(
      400,
      "InvalidServiceNameOnDelegation",
      "Subnet %s has an invalid service name %s in delegation %s."),
  // [EMU] code and message: Azure refuses a private endpoint with no connection at all, but its
  // wording is not published.
  ENDPOINT_WITHOUT_CONNECTION(
      400,
      "PrivateEndpointMustHaveOnePrivateLinkServiceConnection",
      "Private endpoint %s must have exactly one private link service connection or one manual"
          + " private link service connection."),
  // Quoted in Azure/azure-cli#15136.
  MISSING_GROUP_ID(
      400,
      "MissingParameterOnPrivateLinkServiceConnection",
      "Private link service connection %s is missing required parameter 'group Id'."),
  // Quoted in DFE-Digital/terraform-azurerm-container-apps-hosting#352.
  ONLY_ONE_GROUP_ID(
      400,
      "OnlyOneGroupIdPermitted",
      "Private link service connection %s has the following group Ids: %s. Only one group Id is"
          + " permitted when connecting to a first-party resource (%s)."),
  // "Call to <type> failed. Error message: ..." is how NRP relays the target provider's refusal
  // (seen for Microsoft.Storage, Microsoft.KeyVault, microsoft.insights); [EMU] inner message. Used
  // both for a missing target and for a group id it does not offer: the PrivateLinkTargets contract
  // does not tell the two apart.
  PRIVATE_LINK_RESOURCE_NOT_FOUND(
      400,
      "BadRequest",
      "Call to %s failed. Error message: Private link resource '%s' of resource '%s' was not"
          + " found."),
  // Quoted in Azure/bicep#7119.
  STATIC_IP_MISSING_MEMBERS(
      400,
      "PrivateEndpointIpConfigurationMissingMemberNamesRequiredByFps",
      "Private Endpoint %s contains static ipconfigurations: [%s] and its missing these"
          + " membernames/groupids requested by Private Link service [%s]. Private Endpoint needs"
          + " to be reconfigured with missing memberNames."),
  PRIVATE_IP_NOT_IN_SUBNET(
      400,
      "PrivateIPAddressNotInSubnet",
      "IP configuration %s is using the private IP address %s which is not in subnet %s."),
  PRIVATE_IP_IN_RESERVED_RANGE(
      400,
      "PrivateIPAddressInReservedRange",
      "Private static IP address %s falls within reserved IP range of subnet prefix %s."),
  PRIVATE_IP_ALLOCATED(
      400,
      "PrivateIPAddressIsAllocated",
      "IP configuration %s is using the private IP address %s which is already allocated to"
          + " resource %s."),
  SUBNET_FULL(
      400,
      "SubnetIsFull",
      "Subnet %s with address prefix %s does not have enough capacity for %d IP addresses."),
  SUBNET_DELEGATED(
      400,
      "PrivateEndpointCreationNotAllowedAsSubnetIsDelegated",
      "Private endpoint %s cannot be created as subnet %s is delegated."),
  // [EMU]
  SUBNET_CHANGE(
      400,
      "PrivateEndpointSubnetCannotBeChanged",
      "Subnet of private endpoint %s cannot be changed from %s to %s."),
  // [EMU]
  NIC_NAME_TAKEN(
      409,
      "NetworkInterfaceNameAlreadyInUse",
      "Network interface %s already exists and cannot be used as the custom network interface of"
          + " private endpoint %s."),
  // Code quoted in Azure/azure-sdk-for-python#18911 ("Network interface cannot be modified by
  // user"); [EMU] rest of the message.
  NIC_ATTACHED_TO_PRIVATE_ENDPOINT(
      400,
      "CannotModifyNicAttachedToPrivateEndpoint",
      "Network interface %s cannot be modified by user as it is attached to private endpoint %s."),
  // [EMU] Moat only creates NICs for private endpoints.
  NIC_CREATE_NOT_SUPPORTED(
      400,
      "UnsupportedNetworkInterface",
      "Network interface %s cannot be created: Moat creates network interfaces only for private"
          + " endpoints."),
  PRIVATE_DNS_ZONE_NOT_FOUND(
      400,
      "InvalidResourceReference",
      "Resource %s referenced by resource %s was not found. Please make sure that the referenced"
          + " resource exists, and that both resources are in the same region.");

  private final int httpStatus;
  private final String code;
  private final String template;

  NetworkError(int httpStatus, String code, String template) {
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
