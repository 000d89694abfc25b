package dev.moat.mcr;

import java.util.List;

/**
 * An artifact as OCI content: its manifest and every blob it references, each with its digest.
 *
 * @param manifest the exact manifest bytes (served byte-for-byte)
 */
public record SyntheticImage(
    Artifact artifact,
    String manifestMediaType,
    byte[] manifest,
    String manifestDigest,
    List<Blob> blobs) {

  /** One blob: config or layer. */
  public record Blob(String digest, String mediaType, byte[] content) {}
}
