package dev.moat.registry.api;

import dev.moat.registry.ErrorCode;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.RegistryException;
import dev.moat.registry.metadata.ManifestRecord;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import dev.moat.registry.model.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Content discovery: tag list, catalog (both with {@code n}/{@code last}) and referrers. */
final class DiscoveryEndpoints {
  private final RegistryEngine engine;

  DiscoveryEndpoints(RegistryEngine engine) {
    this.engine = engine;
  }

  void tags(Exchange x) {
    RepositoryRef repo = x.repo();
    Page page = Page.of(x);
    List<String> tags =
        engine.manifests(repo).tags(repo, page.last, page.limit).stream().map(Tag::value).toList();
    page.link(x, "/v2/" + repo.name() + "/tags/list", tags);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", repo.name().value());
    body.put("tags", tags);
    x.json(200, body);
  }

  void catalog(Exchange x) {
    Page page = Page.of(x);
    List<String> names =
        engine.catalog().catalog(x.registry, page.last, page.limit).stream()
            .map(RepositoryName::value)
            .toList();
    page.link(x, "/v2/_catalog", names);
    x.json(200, Map.of("repositories", names));
  }

  void referrers(Exchange x) {
    RepositoryRef repo = x.repo();
    Digest subject = Exchange.digest(x.route.argument());
    Optional<String> artifactType = x.query("artifactType");
    List<Map<String, Object>> descriptors = new ArrayList<>();
    for (ManifestRecord m : engine.manifests(repo).referrers(repo, subject)) {
      if (artifactType.isPresent() && !artifactType.equals(m.artifactType())) {
        continue;
      }
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("mediaType", m.mediaType());
      d.put("digest", m.digest().toString());
      d.put("size", m.size());
      m.artifactType().ifPresent(t -> d.put("artifactType", t));
      if (!m.annotations().isEmpty()) {
        d.put("annotations", m.annotations());
      }
      descriptors.add(d);
    }
    artifactType.ifPresent(t -> x.header("OCI-Filters-Applied", "artifactType"));
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaType.OCI_INDEX);
    index.put("manifests", descriptors);
    x.bytes(
        200,
        MediaType.OCI_INDEX,
        dev.moat.platform.json.Json.write(index).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code n} and {@code last} of a paginated list. */
  private record Page(String last, int limit, boolean limited) {
    static Page of(Exchange x) {
      String last = x.query("last").orElse(null);
      Optional<String> n = x.query("n");
      if (n.isEmpty()) {
        return new Page(last, Integer.MAX_VALUE, false);
      }
      try {
        int limit = Integer.parseInt(n.get());
        if (limit < 0) {
          throw new NumberFormatException();
        }
        return new Page(last, limit, true);
      } catch (NumberFormatException e) {
        throw new RegistryException(ErrorCode.UNSUPPORTED, 400, "invalid n: " + n.get(), null);
      }
    }

    /** Adds {@code Link: <…?last=…&n=…>; rel="next"} when the page was full. */
    void link(Exchange x, String path, List<String> items) {
      if (limited && limit > 0 && items.size() == limit) {
        String next = URLEncoder.encode(items.get(items.size() - 1), StandardCharsets.UTF_8);
        x.header("Link", "<" + path + "?last=" + next + "&n=" + limit + ">; rel=\"next\"");
      }
    }
  }
}
