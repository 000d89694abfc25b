package dev.moat.server;

import dev.moat.acr.AcrRegistries;
import dev.moat.acr.AcrRegistry;
import dev.moat.containerregistry.RegistryDirectory;
import dev.moat.containerregistry.RegistryRecord;
import dev.moat.containerregistry.model.PublicNetworkAccess;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.proxy.CacheRules;
import dev.moat.registry.proxy.UpstreamRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The registry data plane's views of the registry resources, read from the provider. */
final class RegistryAdapters {
  private RegistryAdapters() {}

  static AcrRegistries registries(RegistryDirectory directory) {
    return new AcrRegistries() {
      @Override
      public List<AcrRegistry> all() {
        return directory.all().stream().map(RegistryAdapters::view).toList();
      }

      @Override
      public Optional<AcrRegistry> byHost(String host) {
        return directory.findByHostName(host).map(RegistryAdapters::view);
      }

      @Override
      public Optional<AcrRegistry> byName(String name) {
        return directory.findByHostName(name + ".azurecr.io").map(RegistryAdapters::view);
      }
    };
  }

  static CacheRules cacheRules(RegistryDirectory directory) {
    return (registry, repository) ->
        directory
            .findByHostName(registry.value() + ".azurecr.io")
            .flatMap(r -> r.upstreamFor(repository.toString()))
            .map(
                m ->
                    new UpstreamRepository(
                        m.upstream().loginServer(), RepositoryName.of(m.upstream().repository())));
  }

  private static AcrRegistry view(RegistryRecord r) {
    String login = r.loginServer().toLowerCase(Locale.ROOT);
    return new AcrRegistry(
        r.id(),
        login.substring(0, login.indexOf('.')),
        login,
        r.dataEndpointHostNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
        r.publicNetworkAccess() == PublicNetworkAccess.Enabled,
        r.anonymousPullEnabled());
  }
}
