package dev.moat.acr;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;

/**
 * The data plane's own listeners: the fabric ingress (all in-VNet traffic), a host port per public
 * registry stand-in, and one host port per registry, opened when first asked for so host tools such
 * as skopeo can address a registry as {@code 127.0.0.1:PORT} without name resolution.
 */
final class DataPlanePorts {
  private final Map<Integer, String> registryByPort = new ConcurrentHashMap<>();
  private final Map<String, Integer> portByRegistry = new ConcurrentHashMap<>();
  private volatile IntUnaryOperator opener;
  private volatile int ingress = -1;
  private final Map<String, Integer> portByStandIn = new ConcurrentHashMap<>();
  private final Map<Integer, String> standInByPort = new ConcurrentHashMap<>();

  /** Called once the server listens, with the names of the public registry stand-ins. */
  void start(IntUnaryOperator listenerOpener, Iterable<String> standIns) {
    this.opener = listenerOpener;
    this.ingress = listenerOpener.applyAsInt(0);
    for (String name : standIns) {
      int port = listenerOpener.applyAsInt(0);
      portByStandIn.put(name, port);
      standInByPort.put(port, name);
    }
  }

  int ingress() {
    return ingress;
  }

  /** The host port of a public registry stand-in; -1 before the server listens. */
  int standIn(String name) {
    return portByStandIn.getOrDefault(name, -1);
  }

  /** The stand-in a host port belongs to. */
  Optional<String> standInAt(int port) {
    return Optional.ofNullable(standInByPort.get(port));
  }

  /** The host port of a registry (by name), opening it on first use. */
  synchronized int hostPort(String registryName) {
    Integer port = portByRegistry.get(registryName);
    if (port == null) {
      if (opener == null) {
        throw new IllegalStateException("the server is not listening yet");
      }
      port = opener.applyAsInt(0);
      portByRegistry.put(registryName, port);
      registryByPort.put(port, registryName);
    }
    return port;
  }

  /** The registry a host port belongs to. */
  Optional<String> registryAt(int port) {
    return Optional.ofNullable(registryByPort.get(port));
  }
}
