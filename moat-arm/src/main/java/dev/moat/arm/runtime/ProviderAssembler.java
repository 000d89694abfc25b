package dev.moat.arm.runtime;

import dev.moat.arm.http.HostDispatcher;
import dev.moat.arm.routing.ResourceProvider;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;

/**
 * Builds the providers (and any further HTTP services, such as registry data planes) of one
 * runtime, wiring their contracts to each other. Called once, before the server listens.
 */
@FunctionalInterface
public interface ProviderAssembler {
  Assembly assemble(ProviderContext context);

  /**
   * What an assembler built.
   *
   * @param routes HTTP routes tried before the ARM front door, in order
   * @param closeables closed when the runtime stops, after the HTTP server, newest first
   * @param handlers streaming Jetty handlers tried before everything else (a handler returns false
   *     for requests that are not its own), e.g. registry data planes
   * @param onStart called once the server listens, with what only a listening server knows
   */
  record Assembly(
      List<ResourceProvider> providers,
      List<HostDispatcher.Route> routes,
      List<AutoCloseable> closeables,
      List<Handler> handlers,
      List<Consumer<RuntimeInfo>> onStart) {

    public Assembly(
        List<ResourceProvider> providers,
        List<HostDispatcher.Route> routes,
        List<AutoCloseable> closeables) {
      this(providers, routes, closeables, List.of(), List.of());
    }

    public static Assembly of(ResourceProvider... providers) {
      return new Assembly(List.of(providers), List.of(), List.of());
    }
  }
}
