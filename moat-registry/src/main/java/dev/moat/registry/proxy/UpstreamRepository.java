package dev.moat.registry.proxy;

import dev.moat.registry.model.RepositoryName;

/** A repository on an upstream registry, e.g. {@code mcr.microsoft.com} + {@code oss/pause}. */
public record UpstreamRepository(String host, RepositoryName repository) {
  @Override
  public String toString() {
    return host + "/" + repository;
  }
}
