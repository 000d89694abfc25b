package dev.moat.doctor;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registries as the registry data plane sees them (implemented in the server from the registry
 * provider's directory, the same view the data plane's access policy and pull-through cache use).
 * Thread-safe; every call reads current state.
 */
public interface RegistryCatalog {

  Optional<RegistryFacts> find(ResourceId registryId);

  List<RegistryFacts> all();

  /**
   * One registry.
   *
   * @param dataEndpoints dedicated data endpoint host names ({@code myacr.eastus.data.azurecr.io})
   * @param cacheRules the rules in effect
   * @param upstreams where a pull of a repository is filled from, with ACR's rule precedence
   */
  record RegistryFacts(
      ResourceId id,
      String loginServer,
      String location,
      String sku,
      boolean publicNetworkAccess,
      boolean anonymousPull,
      List<String> dataEndpoints,
      List<CacheRule> cacheRules,
      Function<String, Optional<Upstream>> upstreams) {

    public RegistryFacts {
      dataEndpoints = List.copyOf(dataEndpoints);
      cacheRules = List.copyOf(cacheRules);
    }

    /** The registry's short name ({@code myacr}). */
    public String name() {
      return id.name();
    }
  }

  /** A cache rule. */
  record CacheRule(String name, String sourceRepository, String targetRepository) {}

  /** The upstream of a repository: {@code mcr.microsoft.com} + {@code oss/kubernetes/pause}. */
  record Upstream(String ruleName, String loginServer, String repository) {}
}
