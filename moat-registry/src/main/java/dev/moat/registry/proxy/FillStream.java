package dev.moat.registry.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a {@link BlobFill}'s growing file from an offset, blocking for bytes not yet downloaded.
 * Ends only when the blob is committed; throws if the fill fails, so a consumer never mistakes a
 * failed download for a complete one.
 */
final class FillStream extends InputStream {
  private final BlobFill fill;
  private FileChannel channel;
  private long position;

  FillStream(BlobFill fill, long offset) throws IOException {
    this.fill = fill;
    this.position = offset;
    this.channel = fill.openChannel();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long readable = fill.awaitReadable(position);
    if (readable < 0) {
      return -1;
    }
    int want = (int) Math.min(len, readable - position);
    int n = channel.read(ByteBuffer.wrap(b, off, want), position);
    if (n < 0) {
      throw new IOException("blob file shorter than announced");
    }
    position += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
