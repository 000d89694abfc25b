package dev.moat.containerservice.model;

import java.util.UUID;

/**
 * Entity tags of managed clusters and agent pools. AKS returns an opaque string that changes on
 * every write and honours it in {@code If-Match}/{@code If-None-Match}; a random GUID is one.
 */
public final class Etags {
  private Etags() {}

  public static String next() {
    return UUID.randomUUID().toString();
  }
}
