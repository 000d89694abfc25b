package dev.moat.server;

import dev.moat.acr.AcrDataPlane;
import dev.moat.acr.AcrRegistries;
import dev.moat.acr.AcrRegistry;
import dev.moat.acr.ImageImport;
import dev.moat.containerregistry.RegistryDirectory;
import dev.moat.containerregistry.RegistryRecord;
import dev.moat.containerregistry.model.ImportImageRequest;
import dev.moat.containerregistry.model.PublicNetworkAccess;
import dev.moat.containerregistry.service.ImageImporter;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.platform.error.ArmErrorCode;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.proxy.CacheRules;
import dev.moat.registry.proxy.UpstreamRepository;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

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

  /** {@code importImage}'s copy, done by the data plane (known once it is built). */
  static ImageImporter importer(Supplier<AcrDataPlane> dataPlane) {
    return request -> {
      ImportImageRequest.Source s = request.source();
      ImageImport.SourceRegistry source =
          s.acrName().isPresent()
              ? new ImageImport.SourceRegistry.Acr(s.acrName().get())
              : new ImageImport.SourceRegistry.Public(s.registryHost());
      ImageImport.Request copy =
          new ImageImport.Request(
              request.targetRegistryName(),
              new ImageImport.Source(source, s.repository(), s.reference()),
              request.targets().stream()
                  .map(t -> new ImageImport.Target(t.repository(), t.tag()))
                  .toList(),
              request.force());
      try {
        dataPlane.get().importImage(copy);
        return Optional.empty();
      } catch (ImageImport.ImportException e) {
        ArmErrorCode code =
            switch (e.failure()) {
              case SOURCE_NOT_FOUND, SOURCE_REGISTRY_UNKNOWN ->
                  ContainerRegistryError.IMPORT_SOURCE_NOT_FOUND;
              case TAG_EXISTS -> ContainerRegistryError.IMPORT_TAG_EXISTS;
              case INVALID_TARGET, COPY_FAILED -> ContainerRegistryError.IMPORT_FAILED;
            };
        return Optional.of(code.error(e.getMessage()));
      }
    };
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
