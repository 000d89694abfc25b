package dev.moat.registry.storage;

import java.io.IOException;

/** Written bytes do not match the digest or size they were promised to have; nothing was kept. */
public final class BlobCorruptException extends IOException {
  public BlobCorruptException(String message) {
    super(message);
  }
}
