package dev.moat.registry.api;

import dev.moat.registry.ErrorCode;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.RegistryException;
import dev.moat.registry.StoredManifest;
import dev.moat.registry.metadata.ManifestRecord;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RepositoryRef;
import java.io.IOException;

/** {@code /v2/<name>/manifests/<reference>}: GET, HEAD, PUT and DELETE, by tag or digest. */
final class ManifestEndpoints {
  /** distribution's default limit for a manifest body. */
  private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

  private final RegistryEngine engine;

  ManifestEndpoints(RegistryEngine engine) {
    this.engine = engine;
  }

  private static Reference reference(Exchange x) {
    try {
      return Reference.parse(x.route.argument());
    } catch (IllegalArgumentException e) {
      ErrorCode code =
          x.route.argument().contains(":") ? ErrorCode.DIGEST_INVALID : ErrorCode.MANIFEST_INVALID;
      throw new RegistryException(code, "invalid reference: " + x.route.argument());
    }
  }

  /** GET and HEAD: the stored bytes, exactly, with their stored media type. */
  void get(Exchange x) {
    RepositoryRef repo = x.repo();
    StoredManifest m = engine.manifests(repo).get(repo, reference(x));
    x.header("Docker-Content-Digest", m.record().digest());
    x.bytes(200, m.record().mediaType(), m.body());
  }

  void put(Exchange x) throws IOException {
    RepositoryRef repo = x.repo();
    Reference reference = reference(x);
    byte[] body = x.smallBody(MAX_MANIFEST_BYTES);
    String contentType = x.header("Content-Type").orElse("");
    ManifestRecord record = engine.manifests(repo).put(repo, reference, contentType, body);
    x.header("Location", "/v2/" + repo.name() + "/manifests/" + record.digest());
    x.header("Docker-Content-Digest", record.digest());
    record.subject().ifPresent(s -> x.header("OCI-Subject", s));
    x.empty(201);
  }

  void delete(Exchange x) {
    RepositoryRef repo = x.repo();
    engine.manifests(repo).delete(repo, reference(x));
    x.empty(202);
  }
}
