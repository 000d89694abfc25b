package dev.moat.privatedns.validation;

import dev.moat.platform.error.ArmErrorCode;
import dev.moat.platform.error.ErrorCode;

/**
 * Errors of the private DNS API with Azure's codes and wording. Where the text was seen in a real
 * Azure response (quoted in public issue threads) it is reproduced; entries marked {@code [EMU]}
 * have no published Azure text and are written in Azure's style.
 */
public final class PrivateDnsError {
  /** ARM's own check for tracked resources. */
  /** ARM's check against the locations the type is registered in (only {@code global}). */
  public static final ArmErrorCode LOCATION_NOT_GLOBAL =
      new ErrorCode(
          400,
          "LocationNotAvailableForResourceType",
          "The provided location '%s' is not available for resource type '%s'. List of available"
              + " regions for the resource type is 'global'.");

  /** Seen from the DNS service (azure-xplat-cli#545, provider-upjet-azure#19). */
  public static final ArmErrorCode ZONE_NAME_TOO_FEW_LABELS =
      new ErrorCode(
          400,
          "BadRequest",
          "The zone name '%s' does not have enough labels. Zone names must have two or more labels.");

  /** Seen from the DNS service (external-dns#4855). */
  public static final ArmErrorCode INVALID_DOMAIN_NAME =
      new ErrorCode(400, "BadRequest", "The domain name '%s' is invalid.");

  /** ARM's wording for a child of a missing parent (terraform-provider-azurerm#21399). */
  public static final ArmErrorCode PARENT_NOT_FOUND =
      new ErrorCode(
          404,
          "ParentResourceNotFound",
          "Can not perform requested operation on nested resource. Parent resource '%s' not found.");

  /** Seen from the private DNS service (azure-cli#27374). */
  public static final ArmErrorCode RECORD_SET_NOT_FOUND =
      new ErrorCode(
          404,
          "NotFound",
          "The resource record '%s' does not exist in resource group '%s' of subscription '%s'.");

  /** ARM refuses deleting a zone with links (learntocloud/networking-lab#8). */
  public static final ArmErrorCode ZONE_HAS_LINKS =
      new ErrorCode(
          409,
          "CannotDeleteResource",
          "Cannot delete resource while nested resources exist. Some existing nested resource IDs"
              + " include: '%s'. Please delete all nested resources before deleting this resource.");

  /** Seen from the private DNS service (azure-cli#23351). */
  public static final ArmErrorCode VIRTUAL_NETWORK_NOT_FOUND =
      new ErrorCode(400, "BadRequest", "Virtual network resource not found for '%s'");

  // [EMU] a link PUT without properties.virtualNetwork.id
  public static final ArmErrorCode VIRTUAL_NETWORK_REQUIRED =
      new ErrorCode(
          400,
          "BadRequest",
          "The virtual network link must reference a virtual network in properties.virtualNetwork.id.");
  // [EMU] the service does not let a link move to another virtual network
  public static final ArmErrorCode VIRTUAL_NETWORK_CHANGED =
      new ErrorCode(
          400,
          "BadRequest",
          "The virtual network of virtual network link '%s' cannot be changed from '%s' to '%s'.");

  /** Seen from the private DNS service (ansible-collections/azure#813). */
  public static final ArmErrorCode ALREADY_LINKED =
      new ErrorCode(
          409, "Conflict", "Private zone '%s' is already linked to the virtual network '%s'.");

  /** Seen from the private DNS service (ARO-RP#796, azure-aks-docs#212). */
  public static final ArmErrorCode SAME_NAME_ZONE_LINKED =
      new ErrorCode(
          400,
          "BadRequest",
          "A virtual network cannot be linked to multiple zones with overlapping namespaces. You tried"
              + " to link virtual network with '%s' and '%s' zones.");

  /** Seen from the DNS service (terraform-provider-azurerm#13146). */
  public static final ArmErrorCode INVALID_IP_ADDRESS =
      new ErrorCode(400, "BadRequest", "The provided ip address '%s' is not valid.");

  /** Seen from the DNS service (rcl-letsencrypt-auto-ssl/Lets-Encrypt-Auto#26). */
  public static final ArmErrorCode CNAME_CONFLICT =
      new ErrorCode(
          409,
          "Conflict",
          "The CNAME record could not be created because another record with the same name already"
              + " exists in this zone.");

  // [EMU] the converse of CNAME_CONFLICT
  public static final ArmErrorCode NAME_HAS_CNAME =
      new ErrorCode(
          409,
          "Conflict",
          "The %s record could not be created because a CNAME record with the same name already"
              + " exists in this zone.");
  // [EMU] DNS forbids a CNAME at the apex, where the SOA record lives
  public static final ArmErrorCode CNAME_AT_APEX =
      new ErrorCode(
          400, "BadRequest", "A CNAME record set cannot be created at the zone apex '@'.");
  // [EMU]
  public static final ArmErrorCode CNAME_REQUIRED =
      new ErrorCode(400, "BadRequest", "The CNAME record set '%s' must contain a cname record.");
  // [EMU] Azure DNS accepts a TTL of 0 to 2147483647 seconds
  public static final ArmErrorCode INVALID_TTL =
      new ErrorCode(
          400,
          "BadRequest",
          "The TTL '%d' is invalid. It must be between 0 and 2147483647 seconds.");
  // [EMU] the SOA record set exists exactly once per zone, at the apex
  public static final ArmErrorCode SOA_NOT_AT_APEX =
      new ErrorCode(
          400, "BadRequest", "An SOA record set can only exist at the zone apex '@', not at '%s'.");
  // [EMU]
  public static final ArmErrorCode SOA_CANNOT_BE_DELETED =
      new ErrorCode(
          400,
          "BadRequest",
          "The SOA record set of a zone cannot be deleted; delete the zone instead.");
  // [EMU] Azure rejects missing fields of MX, PTR, SRV and TXT records
  public static final ArmErrorCode RECORD_FIELD_REQUIRED =
      new ErrorCode(400, "BadRequest", "The %s record is missing the property '%s'.");
  // [EMU] the mirror of the If-None-Match text below
  public static final ArmErrorCode IF_MATCH_FAILED =
      new ErrorCode(
          412,
          "PreconditionFailed",
          "The condition '%s' in the If-Match header was not satisfied.");

  /** Seen from the DNS service (azure-xplat-cli PR #170). */
  public static final ArmErrorCode IF_NONE_MATCH_FAILED =
      new ErrorCode(
          412,
          "PreconditionFailed",
          "The condition '%s' in the If-None-Match header was satisfied.");

  private PrivateDnsError() {}
}
