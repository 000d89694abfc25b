package dev.moat.arm.runtime;

import dev.moat.arm.http.HostDispatcher;
import dev.moat.arm.routing.ResourceProvider;
import java.util.List;

/**
 * Builds the providers (and any further HTTP services, such as registry data planes) of one
 * runtime, wiring their contracts to each other. Called once, before the server listens.
 */
@FunctionalInterface
public interface ProviderAssembler {
  Assembly assemble(ProviderContext context);

  /**
   * The providers, and HTTP routes tried before the ARM front door (in order).
   *
   * @param closeables closed when the runtime stops, after the HTTP server
   */
  record Assembly(
      List<ResourceProvider> providers,
      List<HostDispatcher.Route> routes,
      List<AutoCloseable> closeables) {
    public static Assembly of(ResourceProvider... providers) {
      return new Assembly(List.of(providers), List.of(), List.of());
    }
  }
}
