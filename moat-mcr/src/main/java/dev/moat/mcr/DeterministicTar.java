package dev.moat.mcr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A one-file POSIX ustar archive whose bytes depend only on the file's name and content (owner 0,
 * mode 0644, mtime 0): the layers Moat synthesises must have the same digest on every machine.
 */
final class DeterministicTar {
  private static final int BLOCK = 512;

  private DeterministicTar() {}

  static byte[] singleFile(String name, byte[] content) {
    byte[] header = new byte[BLOCK];
    put(header, 0, 100, name);
    put(header, 100, 8, "0000644");
    put(header, 108, 8, "0000000");
    put(header, 116, 8, "0000000");
    put(header, 124, 12, String.format("%011o", content.length));
    put(header, 136, 12, "00000000000");
    header[156] = '0';
    put(header, 257, 6, "ustar");
    put(header, 263, 2, "00");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, 8, String.format("%06o", sum) + "\0 ");
    ByteArrayOutputStream out = new ByteArrayOutputStream(BLOCK * 3 + content.length);
    out.writeBytes(header);
    out.writeBytes(content);
    out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
    out.writeBytes(new byte[BLOCK * 2]);
    return out.toByteArray();
  }

  private static void put(byte[] header, int offset, int length, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
  }
}
