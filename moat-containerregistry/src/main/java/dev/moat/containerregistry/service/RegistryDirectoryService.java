package dev.moat.containerregistry.service;

import dev.moat.containerregistry.RegistryDirectory;
import dev.moat.containerregistry.RegistryRecord;
import dev.moat.containerregistry.model.CacheRule;
import dev.moat.containerregistry.model.CacheRuleRepository;
import dev.moat.containerregistry.model.ProvisioningState;
import dev.moat.containerregistry.model.Registry;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link RegistryDirectory} over the stored registries and cache rules. */
public final class RegistryDirectoryService implements RegistryDirectory {
  private final RegistryReader registries;
  private final CacheRuleRepository rules;

  public RegistryDirectoryService(RegistryReader registries, CacheRuleRepository rules) {
    this.registries = registries;
    this.rules = rules;
  }

  @Override
  public Optional<RegistryRecord> findByHostName(String hostName) {
    String host = hostName.toLowerCase(Locale.ROOT);
    String name = host.substring(0, Math.max(0, host.indexOf('.')));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    // A host name is the login server or the data endpoint of the registry it starts with.
    return registries
        .findByName(name)
        .filter(
            v ->
                v.registry().loginServer().equals(host) || v.dataEndpointHostNames().contains(host))
        .map(this::record);
  }

  @Override
  public List<RegistryRecord> all() {
    return registries.listAll().stream().map(this::record).toList();
  }

  @Override
  public Optional<RegistryRecord> find(ResourceId registryId) {
    return registries.find(registryId).map(this::record);
  }

  private RegistryRecord record(RegistryView view) {
    Registry r = view.registry();
    List<RegistryRecord.CacheRuleRecord> inEffect =
        rules.listChildren(r.id()).stream()
            .filter(RegistryDirectoryService::inEffect)
            .map(
                c ->
                    new RegistryRecord.CacheRuleRecord(
                        c.id().name(),
                        c.sourceRepository(),
                        c.targetRepository(),
                        c.credentialSetResourceId()))
            .toList();
    return new RegistryRecord(
        r.id(),
        r.loginServer(),
        r.location(),
        r.spec().sku(),
        r.spec().publicNetworkAccess(),
        r.spec().anonymousPullEnabled(),
        r.spec().adminUserEnabled(),
        view.dataEndpointEnabled(),
        view.dataEndpointHostNames(),
        r.provisioning().state(),
        inEffect);
  }

  /** A rule serves pulls once provisioned and until its delete is accepted. */
  private static boolean inEffect(CacheRule rule) {
    ProvisioningState s = rule.provisioning().state();
    return s == ProvisioningState.Succeeded || s == ProvisioningState.Updating;
  }
}
