package dev.moat.acr;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;

/**
 * The data plane's own listeners: the fabric ingress (all in-VNet traffic), the MCR stand-in's host
 * port, and one host port per registry, opened when first asked for so host tools such as skopeo
 * can address a registry as {@code 127.0.0.1:PORT} without name resolution.
 */
final class DataPlanePorts {
  private final Map<Integer, String> registryByPort = new ConcurrentHashMap<>();
  private final Map<String, Integer> portByRegistry = new ConcurrentHashMap<>();
  private volatile IntUnaryOperator opener;
  private volatile int ingress = -1;
  private volatile int mcr = -1;

  /** Called once the server listens. */
  void start(IntUnaryOperator listenerOpener) {
    this.opener = listenerOpener;
    this.ingress = listenerOpener.applyAsInt(0);
    this.mcr = listenerOpener.applyAsInt(0);
  }

  int ingress() {
    return ingress;
  }

  int mcr() {
    return mcr;
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
