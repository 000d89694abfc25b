package dev.moat.registry.model;

/** What is known of a piece of content: its digest, its size in bytes and its media type. */
public record Descriptor(Digest digest, long size, String mediaType) {
  public Descriptor {
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
  }
}
