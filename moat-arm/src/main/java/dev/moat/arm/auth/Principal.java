package dev.moat.arm.auth;

/**
 * Who is calling: the identity a token was issued to.
 *
 * @param objectId the principal's object id ({@code oid}); what role assignments name
 * @param appId the client (application) id ({@code appid}); for a managed identity its client id
 */
public record Principal(
    String tenantId, String objectId, String appId, PrincipalType type, String displayName) {

  /** The kinds of principal Moat issues tokens to. */
  public enum PrincipalType {
    ServicePrincipal,
    User,
    ManagedIdentity
  }
}
