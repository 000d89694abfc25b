package dev.moat.privatedns.validation;

import dev.moat.platform.error.ArmErrorCode;

/**
 * Errors of the private DNS API with Azure's codes and wording. Where the text was seen in a real
 * Azure response (quoted in public issue threads) it is reproduced; entries marked {@code [EMU]}
 * have no published Azure text and are written in Azure's style.
 */
public enum PrivateDnsError implements ArmErrorCode {
  /** ARM's own check for tracked resources. */
  /** ARM's check against the locations the type is registered in (only {@code global}). */
  LOCATION_NOT_GLOBAL(
      400,
      "LocationNotAvailableForResourceType",
      "The provided location '%s' is not available for resource type '%s'. List of available"
          + " regions for the resource type is 'global'."),
  /** Seen from the DNS service (azure-xplat-cli#545, provider-upjet-azure#19). */
  ZONE_NAME_TOO_FEW_LABELS(
      400,
      "BadRequest",
      "The zone name '%s' does not have enough labels. Zone names must have two or more labels."),
  /** Seen from the DNS service (external-dns#4855). */
  INVALID_DOMAIN_NAME(400, "BadRequest", "The domain name '%s' is invalid."),
  /** ARM's wording for a child of a missing parent (terraform-provider-azurerm#21399). */
  PARENT_NOT_FOUND(
      404,
      "ParentResourceNotFound",
      "Can not perform requested operation on nested resource. Parent resource '%s' not found."),
  /** Seen from the private DNS service (azure-cli#27374). */
  RECORD_SET_NOT_FOUND(
      404,
      "NotFound",
      "The resource record '%s' does not exist in resource group '%s' of subscription '%s'."),
  /** ARM refuses deleting a zone with links (learntocloud/networking-lab#8). */
  ZONE_HAS_LINKS(
      409,
      "CannotDeleteResource",
      "Cannot delete resource while nested resources exist. Some existing nested resource IDs"
          + " include: '%s'. Please delete all nested resources before deleting this resource."),
  /** Seen from the private DNS service (azure-cli#23351). */
  VIRTUAL_NETWORK_NOT_FOUND(400, "BadRequest", "Virtual network resource not found for '%s'"),
  // [EMU] a link PUT without properties.virtualNetwork.id
  VIRTUAL_NETWORK_REQUIRED(
      400,
      "BadRequest",
      "The virtual network link must reference a virtual network in properties.virtualNetwork.id."),
  // [EMU] the service does not let a link move to another virtual network
  VIRTUAL_NETWORK_CHANGED(
      400,
      "BadRequest",
      "The virtual network of virtual network link '%s' cannot be changed from '%s' to '%s'."),
  /** Seen from the private DNS service (ansible-collections/azure#813). */
  ALREADY_LINKED(
      409, "Conflict", "Private zone '%s' is already linked to the virtual network '%s'."),
  /** Seen from the private DNS service (ARO-RP#796, azure-aks-docs#212). */
  SAME_NAME_ZONE_LINKED(
      400,
      "BadRequest",
      "A virtual network cannot be linked to multiple zones with overlapping namespaces. You tried"
          + " to link virtual network with '%s' and '%s' zones."),
  /** Seen from the DNS service (terraform-provider-azurerm#13146). */
  INVALID_IP_ADDRESS(400, "BadRequest", "The provided ip address '%s' is not valid."),
  /** Seen from the DNS service (rcl-letsencrypt-auto-ssl/Lets-Encrypt-Auto#26). */
  CNAME_CONFLICT(
      409,
      "Conflict",
      "The CNAME record could not be created because another record with the same name already"
          + " exists in this zone."),
  // [EMU] the converse of CNAME_CONFLICT
  NAME_HAS_CNAME(
      409,
      "Conflict",
      "The %s record could not be created because a CNAME record with the same name already"
          + " exists in this zone."),
  // [EMU] DNS forbids a CNAME at the apex, where the SOA record lives
  CNAME_AT_APEX(400, "BadRequest", "A CNAME record set cannot be created at the zone apex '@'."),
  // [EMU]
  CNAME_REQUIRED(400, "BadRequest", "The CNAME record set '%s' must contain a cname record."),
  // [EMU] Azure DNS accepts a TTL of 0 to 2147483647 seconds
  INVALID_TTL(
      400, "BadRequest", "The TTL '%d' is invalid. It must be between 0 and 2147483647 seconds."),
  // [EMU] the SOA record set exists exactly once per zone, at the apex
  SOA_NOT_AT_APEX(
      400, "BadRequest", "An SOA record set can only exist at the zone apex '@', not at '%s'."),
  // [EMU]
  SOA_CANNOT_BE_DELETED(
      400,
      "BadRequest",
      "The SOA record set of a zone cannot be deleted; delete the zone instead."),
  // [EMU] Azure rejects missing fields of MX, PTR, SRV and TXT records
  RECORD_FIELD_REQUIRED(400, "BadRequest", "The %s record is missing the property '%s'."),
  // [EMU] the mirror of the If-None-Match text below
  IF_MATCH_FAILED(
      412, "PreconditionFailed", "The condition '%s' in the If-Match header was not satisfied."),
  /** Seen from the DNS service (azure-xplat-cli PR #170). */
  IF_NONE_MATCH_FAILED(
      412, "PreconditionFailed", "The condition '%s' in the If-None-Match header was satisfied.");

  private final int httpStatus;
  private final String code;
  private final String template;

  PrivateDnsError(int httpStatus, String code, String template) {
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
