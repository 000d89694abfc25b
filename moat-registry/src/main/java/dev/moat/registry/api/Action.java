package dev.moat.registry.api;

/** What a request wants to do, in token-scope terms. */
public enum Action {
  /** Read content; with no repository, the {@code GET /v2/} ping. */
  PULL("pull"),
  /** Upload blobs or manifests. */
  PUSH("pull,push"),
  /** Delete blobs, manifests or tags. */
  DELETE("delete"),
  /** List the registry's repositories ({@code registry:catalog:*}). */
  CATALOG("*");

  private final String scopeActions;

  Action(String scopeActions) {
    this.scopeActions = scopeActions;
  }

  /** The actions part of a token scope, e.g. {@code pull,push}. */
  public String scopeActions() {
    return scopeActions;
  }
}
