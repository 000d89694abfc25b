package dev.moat.registry.api;

import org.eclipse.jetty.server.Request;

/**
 * Called before every registry operation; where ACR tokens, role assignments and network rules plug
 * in. Implementations must be thread-safe and must not read the request body.
 */
@FunctionalInterface
public interface AccessPolicy {

  AccessDecision check(AccessRequest access, Request request);

  /** Allows everything (tests, and registries with anonymous pull and push). */
  static AccessPolicy allowAll() {
    return (access, request) -> AccessDecision.allow();
  }
}
