package dev.moat.authorization;

/**
 * Whether a directory object exists, as Microsoft Graph would answer it for a role assignment's
 * {@code principalId}. Implemented by the managed identity provider (identities' principal ids) and
 * composed by the server with the service principals Moat knows. Thread-safe.
 */
@FunctionalInterface
public interface PrincipalLookup {

  /** True when {@code objectId} (a GUID, compared case-insensitively) names a known principal. */
  boolean exists(String objectId);

  /** A lookup that accepts a principal when either lookup does. */
  default PrincipalLookup or(PrincipalLookup other) {
    return id -> exists(id) || other.exists(id);
  }
}
