package dev.moat.registry;

/**
 * The OCI distribution-spec error codes (spec "Error Codes" table), each with the HTTP status it is
 * answered with unless an operation says otherwise. The one table; only {@code api.ErrorResponses}
 * turns them into bytes.
 */
public enum ErrorCode {
  /** Blob unknown to registry (or not linked to this repository). */
  BLOB_UNKNOWN(404, "blob unknown to registry"),
  /** Blob upload invalid: bad chunk, range or body. */
  BLOB_UPLOAD_INVALID(400, "blob upload invalid"),
  /** Blob upload unknown to registry. */
  BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),
  /** Provided digest did not match uploaded content. */
  DIGEST_INVALID(400, "provided digest did not match uploaded content"),
  /** A blob or manifest the manifest references is unknown to the repository. */
  MANIFEST_BLOB_UNKNOWN(400, "manifest references a manifest or blob unknown to registry"),
  /** Manifest invalid: does not parse or has the wrong shape. */
  MANIFEST_INVALID(400, "manifest invalid"),
  /** Manifest unknown to registry. */
  MANIFEST_UNKNOWN(404, "manifest unknown to registry"),
  /** Invalid repository name. */
  NAME_INVALID(400, "invalid repository name"),
  /** Repository name not known to registry. */
  NAME_UNKNOWN(404, "repository name not known to registry"),
  /** Provided length did not match content length. */
  SIZE_INVALID(400, "provided length did not match content length"),
  /** Authentication required. */
  UNAUTHORIZED(401, "authentication required"),
  /** Requested access to the resource is denied. */
  DENIED(403, "requested access to the resource is denied"),
  /** The operation is unsupported. */
  UNSUPPORTED(405, "the operation is unsupported"),
  /** Too many requests. */
  TOOMANYREQUESTS(429, "too many requests"),
  /** Not in the spec table: distribution's catch-all, used for 5xx with no detail. */
  UNKNOWN(500, "unknown error");

  private final int status;
  private final String message;

  ErrorCode(int status, String message) {
    this.status = status;
    this.message = message;
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }
}
