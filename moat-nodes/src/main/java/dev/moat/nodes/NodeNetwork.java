package dev.moat.nodes;

import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * Where node agents send their traffic, known once the server listens: the fabric ingress (every
 * in-VNet connection) and the instance metadata service on the main listener (reachable from every
 * VM, as 169.254.169.254 is).
 */
public final class NodeNetwork {
  private final AtomicReference<Endpoints> endpoints = new AtomicReference<>();

  /** The bound addresses. */
  record Endpoints(String ingressBase, String imdsBase, SSLContext trust) {}

  /** Called once when the server listens. */
  public void bind(String ingressBase, String imdsBase, SSLContext trust) {
    if (!endpoints.compareAndSet(null, new Endpoints(ingressBase, imdsBase, trust))) {
      throw new IllegalStateException("already bound");
    }
  }

  Endpoints endpoints() {
    Endpoints e = endpoints.get();
    if (e == null) {
      throw new IllegalStateException("nodes can boot only once the server listens");
    }
    return e;
  }
}
