package dev.moat.registry.api;

import dev.moat.registry.Blobs;
import dev.moat.registry.ErrorCode;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.RegistryException;
import dev.moat.registry.model.Descriptor;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blob uploads: monolithic {@code POST ?digest=}, cross-repository mount {@code POST
 * ?mount=&from=}, sessions ({@code POST}, {@code PATCH} with or without {@code Content-Range},
 * {@code PUT ?digest=}), status {@code GET} and cancel {@code DELETE}.
 */
final class UploadEndpoints {
  private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes )?(\\d+)-(\\d+)(?:/.*)?");
  private final RegistryEngine engine;
  private final AccessCheck access;

  /** Checks access to a second repository (the source of a mount). */
  @FunctionalInterface
  interface AccessCheck {
    boolean mayPull(Exchange x, RepositoryName repository);
  }

  UploadEndpoints(RegistryEngine engine, AccessCheck access) {
    this.engine = engine;
    this.access = access;
  }

  void start(Exchange x) {
    RepositoryRef repo = x.repo();
    Blobs blobs = engine.blobs(repo);
    Optional<String> mount = x.query("mount");
    Optional<String> from = x.query("from");
    if (mount.isPresent() && from.isPresent()) {
      Digest digest = Exchange.digest(mount.get());
      Optional<RepositoryName> source = parseName(from.get());
      if (source.isPresent()
          && access.mayPull(x, source.get())
          && blobs.mount(repo, new RepositoryRef(repo.registry(), source.get()), digest)) {
        created(x, digest);
        return;
      }
    }
    Optional<String> digest = x.query("digest");
    if (digest.isPresent()) {
      Digest expected = Exchange.digest(digest.get());
      Descriptor d = blobs.put(repo, x.body(), expected, x.contentLength());
      created(x, d.digest());
      return;
    }
    UUID id = blobs.startUpload(repo);
    accepted(x, id, 0, 202);
  }

  void patch(Exchange x) {
    RepositoryRef repo = x.repo();
    UUID id = uploadId(x);
    OptionalLong start = OptionalLong.empty();
    Optional<String> range = x.header("Content-Range");
    if (range.isPresent()) {
      Matcher m = CONTENT_RANGE.matcher(range.get().trim());
      if (!m.matches()) {
        throw new RegistryException(
            ErrorCode.BLOB_UPLOAD_INVALID, 416, "bad Content-Range: " + range.get(), null);
      }
      start = OptionalLong.of(Long.parseLong(m.group(1)));
      long declared = Long.parseLong(m.group(2)) - start.getAsLong() + 1;
      OptionalLong length = x.contentLength();
      if (length.isPresent() && length.getAsLong() != declared) {
        throw new RegistryException(
            ErrorCode.BLOB_UPLOAD_INVALID, 416, "Content-Range does not match the body", null);
      }
    }
    long size = engine.blobs(repo).appendUpload(repo, id, x.body(), start);
    accepted(x, id, size, 202);
  }

  void status(Exchange x) {
    UUID id = uploadId(x);
    long size = engine.blobs(x.repo()).uploadSize(x.repo(), id);
    accepted(x, id, size, 204);
  }

  void finish(Exchange x) {
    UUID id = uploadId(x);
    Digest digest =
        Exchange.digest(
            x.query("digest")
                .orElseThrow(
                    () -> new RegistryException(ErrorCode.DIGEST_INVALID, "digest missing")));
    InputStream last = x.body();
    Descriptor d = engine.blobs(x.repo()).finishUpload(x.repo(), id, last, digest);
    created(x, d.digest());
  }

  void cancel(Exchange x) {
    engine.blobs(x.repo()).cancelUpload(x.repo(), uploadId(x));
    x.empty(204);
  }

  private static UUID uploadId(Exchange x) {
    try {
      return UUID.fromString(x.route.argument());
    } catch (IllegalArgumentException e) {
      throw new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, "upload unknown");
    }
  }

  private static Optional<RepositoryName> parseName(String text) {
    try {
      return Optional.of(RepositoryName.of(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void created(Exchange x, Digest digest) {
    x.header("Location", "/v2/" + x.repo().name() + "/blobs/" + digest);
    x.header("Docker-Content-Digest", digest);
    x.empty(201);
  }

  private static void accepted(Exchange x, UUID id, long size, int status) {
    x.header("Location", "/v2/" + x.repo().name() + "/blobs/uploads/" + id);
    x.header("Docker-Upload-UUID", id);
    // distribution answers 0-0 for an empty session; clients only read the end offset.
    x.header("Range", "0-" + Math.max(0, size - 1));
    x.empty(status);
  }
}
