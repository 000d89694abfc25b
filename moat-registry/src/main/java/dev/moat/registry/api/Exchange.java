package dev.moat.registry.api;

import dev.moat.platform.json.Json;
import dev.moat.registry.ErrorCode;
import dev.moat.registry.RegistryException;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request being handled: typed access to its parts and the ways to answer it. */
final class Exchange {
  final Request request;
  final Response response;
  final Callback callback;
  final RegistryName registry;
  final Route route;
  private final Fields query;

  Exchange(
      Request request, Response response, Callback callback, RegistryName registry, Route route) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.registry = registry;
    this.route = route;
    this.query = Request.extractQueryParameters(request);
  }

  String method() {
    return request.getMethod();
  }

  boolean isHead() {
    return "HEAD".equals(request.getMethod());
  }

  RepositoryRef repo() {
    return new RepositoryRef(registry, route.repository().orElseThrow());
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(query.getValue(name));
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  OptionalLong contentLength() {
    long n = request.getLength();
    return n >= 0 ? OptionalLong.of(n) : OptionalLong.empty();
  }

  InputStream body() {
    return Content.Source.asInputStream(request);
  }

  /** Reads a small body (a manifest) whole; more than {@code limit} bytes is refused. */
  byte[] smallBody(int limit) throws IOException {
    try (InputStream in = body()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new RegistryException(ErrorCode.SIZE_INVALID, 413, "manifest too large", null);
      }
      return bytes;
    }
  }

  static Digest digest(String text) {
    try {
      return Digest.parse(text);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest: " + text);
    }
  }

  Exchange header(String name, Object value) {
    response.getHeaders().put(name, String.valueOf(value));
    return this;
  }

  /** Answers with no body. */
  void empty(int status) {
    response.setStatus(status);
    response.getHeaders().put("Content-Length", 0L);
    response.write(true, null, callback);
  }

  /** Answers with bytes (skipped for HEAD, headers kept). */
  void bytes(int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put("Content-Type", contentType);
    response.getHeaders().put("Content-Length", (long) body.length);
    response.write(true, isHead() ? null : ByteBuffer.wrap(body), callback);
  }

  void json(int status, Object value) {
    bytes(status, "application/json", Json.write(value).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends {@code length} bytes of a complete file from {@code offset} without blocking this thread:
   * Jetty reads the channel into pooled buffers as the connection can take them (no thread parked
   * on a blocking output stream, no per-request heap buffer). The channel is closed at the end, on
   * failure too. A file shorter than {@code length} aborts the response (Content-Length unmet).
   */
  void send(int status, SeekableByteChannel file, long offset, long length) {
    response.setStatus(status);
    response.getHeaders().put("Content-Length", length);
    ByteBufferPool.Sized buffers =
        new ByteBufferPool.Sized(
            request.getComponents().getByteBufferPool(), false, FILE_BUFFER_SIZE);
    Content.copy(Content.Source.from(buffers, file, offset, length), response, callback);
  }

  /**
   * Large enough that one buffer fills several TLS records per write; heap rather than direct,
   * because the JDK's AES-GCM works on arrays (a direct buffer is copied into one first).
   */
  private static final int FILE_BUFFER_SIZE = 256 * 1024;

  /** Buffer for blocking copies of content still being fetched. */
  private static final int STREAM_BUFFER_SIZE = 256 * 1024;

  /**
   * Streams {@code length} bytes (or to the end when negative) from {@code in}, blocking on this
   * worker thread; never holds more than one buffer. A read failure mid-body aborts the response.
   */
  void stream(int status, InputStream in, long length) throws IOException {
    response.setStatus(status);
    if (length >= 0) {
      response.getHeaders().put("Content-Length", length);
    }
    try (in;
        OutputStream out = Content.Sink.asOutputStream(response)) {
      byte[] buffer = new byte[STREAM_BUFFER_SIZE];
      long remaining = length < 0 ? Long.MAX_VALUE : length;
      while (remaining > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (n < 0) {
          if (length >= 0) {
            throw new IOException("content ended " + remaining + " bytes early");
          }
          break;
        }
        out.write(buffer, 0, n);
        remaining -= n;
      }
    }
    callback.succeeded();
  }
}
