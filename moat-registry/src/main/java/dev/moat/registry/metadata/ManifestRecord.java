package dev.moat.registry.metadata;

import dev.moat.registry.model.Digest;
import java.util.Map;
import java.util.Optional;

/**
 * A manifest stored in one repository. Its bytes are the blob {@code digest} in the blob store;
 * this row carries what the API serves without parsing them again.
 */
public record ManifestRecord(
    Digest digest,
    String mediaType,
    long size,
    Optional<Digest> subject,
    Optional<String> artifactType,
    Map<String, String> annotations) {
  public ManifestRecord {
    annotations = Map.copyOf(annotations);
  }
}
