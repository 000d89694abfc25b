package dev.moat.privatedns.model;

/** {@code virtualNetworkLinkState}: whether the link has taken effect in the virtual network. */
public enum LinkState {
  InProgress,
  Completed
}
