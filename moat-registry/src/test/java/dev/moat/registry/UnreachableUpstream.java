package dev.moat.registry;

import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.proxy.UpstreamRegistry;
import dev.moat.registry.proxy.UpstreamRepository;
import dev.moat.registry.proxy.UpstreamUnavailableException;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/** An upstream that is never reachable (registries without cache rules never ask it). */
final class UnreachableUpstream implements UpstreamRegistry {
  @Override
  public Optional<Manifest> fetchManifest(UpstreamRepository repo, Reference reference)
      throws IOException {
    throw new UpstreamUnavailableException("no upstream", null);
  }

  @Override
  public Optional<Digest> headManifest(UpstreamRepository repo, Reference reference)
      throws IOException {
    throw new UpstreamUnavailableException("no upstream", null);
  }

  @Override
  public OptionalLong statBlob(UpstreamRepository repo, Digest digest) throws IOException {
    throw new UpstreamUnavailableException("no upstream", null);
  }

  @Override
  public Optional<Blob> fetchBlob(UpstreamRepository repo, Digest digest) throws IOException {
    throw new UpstreamUnavailableException("no upstream", null);
  }
}
