package dev.moat.kube;

import java.util.Optional;

/**
 * The clusters whose API Moat serves, by the key in their API path. Implemented by the managed
 * cluster provider. Thread-safe.
 */
public interface KubeClusters {
  /** The cluster behind {@code key}, if {@code bearerToken} is one of its credentials. */
  Optional<KubeCluster> find(String key, String bearerToken);
}
