package dev.moat.acr;

import dev.moat.mcr.PublicRegistry;
import dev.moat.registry.RegistryEngine;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;

/**
 * The public registry stand-ins the data plane serves: each a separate registry service with its
 * own engine and storage, its own content, its own HTTP handler and host port.
 */
final class StandIns {

  /** One stand-in. */
  record StandIn(
      PublicRegistry registry, RegistryEngine engine, Handler handler, StandInContent content) {
    RegistryTarget.StandIn target() {
      return new RegistryTarget.StandIn(registry);
    }
  }

  private final List<StandIn> all;

  StandIns(List<StandIn> all) {
    this.all = List.copyOf(all);
  }

  List<StandIn> all() {
    return all;
  }

  /** The stand-in serving {@code host} (lower case). */
  Optional<StandIn> byHost(String host) {
    return all.stream().filter(s -> s.registry().serves(host)).findFirst();
  }

  /** The stand-in named {@code name} ({@code docker.io}). */
  Optional<StandIn> byName(String name) {
    return all.stream().filter(s -> s.registry().name().equals(name)).findFirst();
  }

  void close() {
    all.forEach(s -> s.engine().close());
  }
}
