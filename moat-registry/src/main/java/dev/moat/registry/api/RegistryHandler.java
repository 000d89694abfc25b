package dev.moat.registry.api;

import dev.moat.registry.ErrorCode;
import dev.moat.registry.RegistryEngine;
import dev.moat.registry.RegistryException;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The OCI distribution API v2 as a Jetty core handler. Bodies are streamed on Jetty's worker thread
 * (blocking reads and writes, one buffer at a time); nothing buffers a blob in memory.
 *
 * <p>Requests the {@link RegistryResolver} does not claim, or whose path is not under {@code /v2},
 * are declined ({@code handle} returns false) so that a following handler can take them. Every
 * operation is first put to the {@link AccessPolicy}.
 */
public final class RegistryHandler extends Handler.Abstract {
  private final RegistryResolver resolver;
  private final AccessPolicy policy;
  private final BlobEndpoints blobs;
  private final UploadEndpoints uploads;
  private final ManifestEndpoints manifests;
  private final DiscoveryEndpoints discovery;

  public RegistryHandler(RegistryEngine engine, RegistryResolver resolver, AccessPolicy policy) {
    super(InvocationType.BLOCKING);
    this.resolver = resolver;
    this.policy = policy;
    this.blobs = new BlobEndpoints(engine);
    this.uploads = new UploadEndpoints(engine, this::mayPull);
    this.manifests = new ManifestEndpoints(engine);
    this.discovery = new DiscoveryEndpoints(engine);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getDecodedPath();
    if (path == null || !(path.equals("/v2") || path.startsWith("/v2/"))) {
      return false;
    }
    Optional<RegistryName> registry = resolver.resolve(request);
    if (registry.isEmpty()) {
      return false;
    }
    response.getHeaders().put("Docker-Distribution-Api-Version", "registry/2.0");
    try {
      Route route = Route.parse(path).orElseThrow();
      Exchange x = new Exchange(request, response, callback, registry.get(), route);
      if (authorize(x, route)) {
        dispatch(x);
      }
    } catch (Throwable t) {
      ErrorResponses.write(request, response, callback, t);
    }
    return true;
  }

  private void dispatch(Exchange x) throws Exception {
    String m = x.method();
    Route.Kind kind = x.route.kind();
    if (kind == null) {
      throw new RegistryException(ErrorCode.UNSUPPORTED, 404, "no such endpoint", null);
    }
    switch (kind) {
      case BASE -> x.json(200, Map.of());
      case CATALOG -> on(m, "GET").run(() -> discovery.catalog(x));
      case TAGS -> on(m, "GET").run(() -> discovery.tags(x));
      case REFERRERS -> on(m, "GET").run(() -> discovery.referrers(x));
      case MANIFEST -> {
        switch (m) {
          case "GET", "HEAD" -> manifests.get(x);
          case "PUT" -> manifests.put(x);
          case "DELETE" -> manifests.delete(x);
          default -> throw notAllowed(m);
        }
      }
      case BLOB -> {
        switch (m) {
          case "HEAD" -> blobs.head(x);
          case "GET" -> blobs.get(x);
          case "DELETE" -> blobs.delete(x);
          default -> throw notAllowed(m);
        }
      }
      case UPLOADS -> on(m, "POST").run(() -> uploads.start(x));
      case UPLOAD -> {
        switch (m) {
          case "PATCH" -> uploads.patch(x);
          case "PUT" -> uploads.finish(x);
          case "GET" -> uploads.status(x);
          case "DELETE" -> uploads.cancel(x);
          default -> throw notAllowed(m);
        }
      }
    }
  }

  /** Runs an endpoint when the method matches. */
  @FunctionalInterface
  private interface Endpoint {
    void run(ThrowingRunnable body) throws Exception;
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static Endpoint on(String method, String expected) {
    return body -> {
      if (!method.equals(expected) && !(expected.equals("GET") && method.equals("HEAD"))) {
        throw notAllowed(method);
      }
      body.run();
    };
  }

  private static RegistryException notAllowed(String method) {
    return new RegistryException(ErrorCode.UNSUPPORTED, 405, method + " not allowed here", null);
  }

  private boolean authorize(Exchange x, Route route) {
    Action action =
        switch (x.method()) {
          case "GET", "HEAD" -> route.kind() == Route.Kind.CATALOG ? Action.CATALOG : Action.PULL;
          case "DELETE" -> route.kind() == Route.Kind.UPLOAD ? Action.PUSH : Action.DELETE;
          default -> Action.PUSH;
        };
    return check(x, new AccessRequest(x.registry, route.repository(), action));
  }

  private boolean mayPull(Exchange x, RepositoryName repository) {
    AccessRequest access = new AccessRequest(x.registry, Optional.of(repository), Action.PULL);
    // A mount from a repository the caller may not read falls back to a plain upload (spec).
    return policy.check(access, x.request) instanceof AccessDecision.Allow;
  }

  /** Applies the policy; on refusal writes the 401/403 and returns false. */
  private boolean check(Exchange x, AccessRequest access) {
    AccessDecision decision = policy.check(access, x.request);
    if (decision instanceof AccessDecision.Challenge c) {
      String host = RegistryResolver.hostWithoutPort(x.request);
      String authority = Optional.ofNullable(x.request.getHeaders().get("Host")).orElse(host);
      StringBuilder challenge =
          new StringBuilder("Bearer realm=\"https://")
              .append(authority)
              .append("/oauth2/token\",service=\"")
              .append(host)
              .append('"');
      access.scope().ifPresent(s -> challenge.append(",scope=\"").append(s).append('"'));
      x.header("WWW-Authenticate", challenge.toString());
      throw new RegistryException(ErrorCode.UNAUTHORIZED, c.message());
    }
    if (decision instanceof AccessDecision.Deny d) {
      throw new RegistryException(ErrorCode.DENIED, d.message());
    }
    return true;
  }
}
