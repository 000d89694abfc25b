package dev.moat.containerregistry.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.containerregistry.model.CacheRule;
import dev.moat.containerregistry.model.CacheRuleRepository;
import dev.moat.containerregistry.model.CredentialSet;
import dev.moat.containerregistry.model.CredentialSetRepository;
import dev.moat.containerregistry.model.Provisioning;
import dev.moat.containerregistry.model.ProvisioningState;
import dev.moat.containerregistry.validation.CacheRuleRules;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Credential sets: their shape and lifecycle. The secrets they name are not read (that needs Key
 * Vault, which Moat does not serve).
 */
public final class CredentialSetService {
  private final CredentialSetRepository sets;
  private final CacheRuleRepository rules;
  private final RegistryReader registries;
  private final LongRunningOperations lro;
  private final Database database;
  private final Clock clock;
  private final String tenantId;

  public CredentialSetService(
      CredentialSetRepository sets,
      CacheRuleRepository rules,
      RegistryReader registries,
      LongRunningOperations lro,
      Database database,
      Clock clock,
      String tenantId) {
    this.sets = sets;
    this.rules = rules;
    this.registries = registries;
    this.lro = lro;
    this.database = database;
    this.clock = clock;
    this.tenantId = tenantId;
  }

  /** PUT. {@code identityType} {@code SystemAssigned} gets a principal id, kept across updates. */
  public LroStep<CredentialSet> createOrUpdate(
      ResourceId id,
      String loginServer,
      List<CredentialSet.AuthCredential> credentials,
      String identityType) {
    CacheRuleRules.validateChildName(id.name(), "Credential set");
    if (loginServer == null || loginServer.isEmpty()) {
      throw ContainerRegistryError.PROPERTY_REQUIRED.exception("loginServer");
    }
    if (!CacheRuleRules.isSupportedUpstream(loginServer)) {
      throw ContainerRegistryError.UPSTREAM_NOT_SUPPORTED.exception(
          loginServer, CacheRuleRules.supportedUpstreams());
    }
    LroStep<CredentialSet> step =
        database.inTransaction(
            c -> {
              registries.parentOf(id, "write");
              Optional<CredentialSet> existing = sets.find(id);
              CredentialSet.Identity identity = identity(identityType, existing);
              boolean created = existing.isEmpty();
              CredentialSet set =
                  new CredentialSet(
                      id,
                      loginServer,
                      credentials,
                      identity,
                      existing.map(CredentialSet::creationDate).orElse(clock.instant()),
                      Provisioning.of(
                          created ? ProvisioningState.Creating : ProvisioningState.Updating,
                          clock.instant()));
              sets.save(set);
              Operation op = lro.start(id, created ? "Create" : "Update");
              return new LroStep<>(set, op, created);
            });
    lro.reconcile(id);
    return step;
  }

  public CredentialSet get(ResourceId id) {
    registries.parentOf(id, "read");
    return sets.find(id).orElseThrow(() -> RegistryReader.notFound(id));
  }

  public List<CredentialSet> list(ResourceId registry) {
    registries.get(registry);
    return sets.listChildren(registry);
  }

  /** DELETE; refused while cache rules use the set; empty when it does not exist. */
  public Optional<LroStep<CredentialSet>> beginDelete(ResourceId id) {
    Optional<LroStep<CredentialSet>> step =
        database.inTransaction(
            c -> {
              registries.parentOf(id, "delete");
              Optional<CredentialSet> found = sets.find(id);
              if (found.isEmpty()) {
                return Optional.<LroStep<CredentialSet>>empty();
              }
              String users =
                  rules.listChildren(id.parent().orElseThrow()).stream()
                      .filter(r -> id.equals(r.credentialSetResourceId()))
                      .map(CacheRule::id)
                      .map(ResourceId::name)
                      .map(n -> "'" + n + "'")
                      .collect(Collectors.joining(", "));
              if (!users.isEmpty()) {
                throw ContainerRegistryError.CREDENTIAL_SET_IN_USE.exception(id.name(), users);
              }
              if (found.get().provisioning().state() == ProvisioningState.Deleting) {
                throw CommonError.ANOTHER_OPERATION_IN_PROGRESS.exception("Delete", id);
              }
              CredentialSet deleting =
                  found
                      .get()
                      .withProvisioning(
                          Provisioning.of(ProvisioningState.Deleting, clock.instant()));
              sets.save(deleting);
              return Optional.of(new LroStep<>(deleting, lro.start(id, "Delete"), false));
            });
    step.ifPresent(s -> lro.reconcile(id));
    return step;
  }

  private CredentialSet.Identity identity(String type, Optional<CredentialSet> existing) {
    if (type == null || type.equalsIgnoreCase("None")) {
      return null;
    }
    String principal =
        existing
            .map(CredentialSet::identity)
            .map(CredentialSet.Identity::principalId)
            .orElse(UUID.randomUUID().toString());
    return new CredentialSet.Identity("SystemAssigned", principal, tenantId);
  }
}
