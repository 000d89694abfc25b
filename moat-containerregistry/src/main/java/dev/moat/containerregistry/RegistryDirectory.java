package dev.moat.containerregistry;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * Read access to registries for the registry data plane: which registry a host name belongs to,
 * what it allows, and where its cache rules send a repository. Thread-safe; every call reads the
 * current stored state (no caching), so a change over ARM is visible to the next call.
 */
public interface RegistryDirectory {

  /**
   * The registry whose login server ({@code myacr.azurecr.io}) or dedicated data endpoint ({@code
   * myacr.eastus.data.azurecr.io}) is {@code hostName}, compared case-insensitively; empty for any
   * other name.
   */
  Optional<RegistryRecord> findByHostName(String hostName);

  /** The registry with this ARM id; empty when it does not exist. */
  Optional<RegistryRecord> find(ResourceId registryId);

  /** Every registry, in every subscription. */
  List<RegistryRecord> all();
}
