package dev.moat.registry.api;

/** The answer of an {@link AccessPolicy}. */
public sealed interface AccessDecision {

  static AccessDecision allow() {
    return Allow.INSTANCE;
  }

  /** No or insufficient credentials: 401 with a bearer challenge for the request's scope. */
  static AccessDecision challenge(String message) {
    return new Challenge(message);
  }

  /** Credentials fine but not allowed (role, network rule): 403 {@code DENIED}. */
  static AccessDecision deny(String message) {
    return new Deny(message);
  }

  /** Go ahead. */
  enum Allow implements AccessDecision {
    INSTANCE
  }

  /** Answer 401 {@code UNAUTHORIZED} with {@code WWW-Authenticate}. */
  record Challenge(String message) implements AccessDecision {}

  /** Answer 403 {@code DENIED}. */
  record Deny(String message) implements AccessDecision {}
}
