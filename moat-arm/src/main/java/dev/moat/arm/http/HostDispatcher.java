package dev.moat.arm.http;

import java.util.List;
import java.util.function.Predicate;

/** Sends each request to the first service whose predicate accepts it. */
public final class HostDispatcher implements HttpService {
  private final List<Route> routes;
  private final HttpService fallback;

  /** A predicate and the service it selects. */
  public record Route(Predicate<HttpCall> accepts, HttpService service) {}

  public HostDispatcher(List<Route> routes, HttpService fallback) {
    this.routes = List.copyOf(routes);
    this.fallback = fallback;
  }

  @Override
  public HttpResult handle(HttpCall call) {
    for (Route r : routes) {
      if (r.accepts().test(call)) {
        return r.service().handle(call);
      }
    }
    return fallback.handle(call);
  }
}
