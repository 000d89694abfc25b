package dev.moat.registry.model;

import java.util.Set;

/** The manifest media types the registry stores and serves, OCI and Docker. */
public final class MediaType {
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
  public static final String OCTET_STREAM = "application/octet-stream";

  /** Types whose body lists child manifests rather than layers. */
  public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);

  /** Every manifest type accepted by PUT. */
  public static final Set<String> MANIFESTS =
      Set.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);

  private MediaType() {}

  /** The type without parameters ({@code ; charset=...}) and surrounding blanks. */
  public static String essence(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
  }
}
