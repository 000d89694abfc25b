package dev.moat.registry;

import java.io.IOException;
import java.io.InputStream;

/**
 * Readable blob bytes of a known size. {@link #open} may be called any number of times; each stream
 * is independent. A stream of content still being fetched blocks until bytes arrive and fails
 * (rather than ending early) if the fetch fails, so a short read is never a clean EOF.
 */
public interface BlobContent {
  long size();

  /** A stream starting at {@code offset}; the caller closes it. */
  InputStream open(long offset) throws IOException;
}
