package dev.moat.registry.api;

import dev.moat.registry.ErrorCode;
import dev.moat.registry.RegistryException;
import dev.moat.registry.model.RepositoryName;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code /v2/} path: which endpoint, for which repository, with which last segment. The
 * route table of the distribution spec (its "Endpoints" list), as data.
 */
record Route(Kind kind, Optional<RepositoryName> repository, String argument) {

  /** The endpoints of the distribution spec. */
  enum Kind {
    BASE("/v2/?"),
    CATALOG("/v2/_catalog"),
    TAGS("/v2/(.+)/tags/list"),
    MANIFEST("/v2/(.+)/manifests/([^/]+)"),
    UPLOADS("/v2/(.+)/blobs/uploads/?"),
    UPLOAD("/v2/(.+)/blobs/uploads/([^/]+)"),
    BLOB("/v2/(.+)/blobs/([^/]+)"),
    REFERRERS("/v2/(.+)/referrers/([^/]+)");

    private final Pattern pattern;

    Kind(String regex) {
      this.pattern = Pattern.compile(regex);
    }
  }

  /**
   * Parses a decoded path; empty when it is not a registry path at all. A malformed repository name
   * is {@code NAME_INVALID}.
   */
  static Optional<Route> parse(String path) {
    if (!path.startsWith("/v2")) {
      return Optional.empty();
    }
    for (Kind k : Kind.values()) {
      Matcher m = k.pattern.matcher(path);
      if (m.matches()) {
        Optional<RepositoryName> repo = Optional.empty();
        if (m.groupCount() >= 1) {
          try {
            repo = Optional.of(RepositoryName.of(m.group(1)));
          } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.NAME_INVALID, "invalid repository name");
          }
        }
        return Optional.of(new Route(k, repo, m.groupCount() >= 2 ? m.group(2) : ""));
      }
    }
    return Optional.of(new Route(null, Optional.empty(), ""));
  }
}
