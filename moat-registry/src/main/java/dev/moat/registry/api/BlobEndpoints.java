package dev.moat.registry.api;

import dev.moat.registry.BlobContent;
import dev.moat.registry.ErrorCode;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.RegistryException;
import dev.moat.registry.model.Descriptor;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /v2/<name>/blobs/<digest>}: HEAD, GET (with a single {@code Range}) and DELETE. */
final class BlobEndpoints {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private final RegistryEngine engine;

  BlobEndpoints(RegistryEngine engine) {
    this.engine = engine;
  }

  void head(Exchange x) {
    Digest digest = Exchange.digest(x.route.argument());
    Descriptor d = engine.blobs(x.repo()).stat(x.repo(), digest);
    x.header("Docker-Content-Digest", digest).header("Accept-Ranges", "bytes");
    x.header("Content-Type", MediaType.OCTET_STREAM);
    x.response.setStatus(200);
    x.response.getHeaders().put("Content-Length", d.size());
    x.response.write(true, null, x.callback);
  }

  void get(Exchange x) throws IOException {
    Digest digest = Exchange.digest(x.route.argument());
    BlobContent content = engine.blobs(x.repo()).open(x.repo(), digest);
    long size = content.size();
    x.header("Docker-Content-Digest", digest).header("Content-Type", MediaType.OCTET_STREAM);
    Optional<String> range = x.header("Range");
    if (range.isEmpty() || size < 0) {
      x.header("Accept-Ranges", "bytes");
      send(x, 200, content, 0, size);
      return;
    }
    long[] r = parseRange(range.get(), size);
    x.header("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + size);
    send(x, 206, content, r[0], r[1] - r[0] + 1);
  }

  /** A committed file goes out asynchronously; bytes still being fetched are followed blocking. */
  private static void send(Exchange x, int status, BlobContent content, long offset, long length)
      throws IOException {
    Optional<SeekableByteChannel> file = length >= 0 ? content.openFile() : Optional.empty();
    if (file.isPresent()) {
      x.send(status, file.get(), offset, length);
    } else {
      x.stream(status, content.open(offset), length);
    }
  }

  void delete(Exchange x) {
    Digest digest = Exchange.digest(x.route.argument());
    engine.blobs(x.repo()).delete(x.repo(), digest);
    x.empty(202);
  }

  /** A single {@code bytes=a-b}, {@code a-} or {@code -n} range, clamped; else 416. */
  private static long[] parseRange(String header, long size) {
    Matcher m = RANGE.matcher(header.trim());
    if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
      long start;
      long end;
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        start = Math.max(0, size - suffix);
        end = size - 1;
      } else {
        start = Long.parseLong(m.group(1));
        end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      }
      if (start <= end && start < size) {
        return new long[] {start, end};
      }
    }
    throw new RegistryException(
        ErrorCode.BLOB_UNKNOWN, 416, "range not satisfiable: " + header, "bytes */" + size);
  }
}
