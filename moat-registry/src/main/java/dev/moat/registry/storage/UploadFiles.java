package dev.moat.registry.storage;

import dev.moat.registry.model.Descriptor;
import dev.moat.registry.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The bytes of client upload sessions, one temporary file per upload id. Callers serialise access
 * to one session (the registry takes a per-upload lock); different sessions are independent.
 */
public final class UploadFiles {
  private final BlobStore store;

  public UploadFiles(BlobStore store) {
    this.store = store;
  }

  public void create(UUID id) throws IOException {
    Files.createFile(store.paths().upload(id));
  }

  /** The number of bytes received so far, or empty when the session has no file. */
  public OptionalLong size(UUID id) throws IOException {
    try {
      return OptionalLong.of(Files.size(store.paths().upload(id)));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
  }

  /** Appends a chunk, streaming; returns the new size. */
  public long append(UUID id, InputStream in) throws IOException {
    try (OutputStream out =
        Files.newOutputStream(store.paths().upload(id), StandardOpenOption.APPEND)) {
      in.transferTo(out);
    }
    return Files.size(store.paths().upload(id));
  }

  /** Verifies and publishes the session's bytes as a blob; the session file is consumed. */
  public Descriptor commit(UUID id, Digest expected) throws IOException {
    return store.commitFile(store.paths().upload(id), expected);
  }

  public void delete(UUID id) throws IOException {
    Files.deleteIfExists(store.paths().upload(id));
  }
}
