package dev.moat.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * Readable blob bytes of a known size. {@link #open} may be called any number of times; each stream
 * is independent. A stream of content still being fetched blocks until bytes arrive and fails
 * (rather than ending early) if the fetch fails, so a short read is never a clean EOF.
 */
public interface BlobContent {
  long size();

  /** A stream starting at {@code offset}; the caller closes it. */
  InputStream open(long offset) throws IOException;

  /**
   * The bytes as a channel on a complete, verified file (a committed blob), or empty while they are
   * still being fetched. The HTTP layer sends such a file asynchronously from pooled buffers
   * instead of blocking a thread on a stream copy. The caller closes the channel.
   */
  default Optional<SeekableByteChannel> openFile() throws IOException {
    return Optional.empty();
  }
}
