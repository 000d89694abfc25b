package dev.moat.containerregistry.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.containerregistry.model.CacheRule;
import dev.moat.containerregistry.model.CacheRuleRepository;
import dev.moat.containerregistry.model.CredentialSetRepository;
import dev.moat.containerregistry.model.Provisioning;
import dev.moat.containerregistry.model.ProvisioningState;
import dev.moat.containerregistry.model.Registry;
import dev.moat.containerregistry.model.RepositoryMapping;
import dev.moat.containerregistry.validation.CacheRuleRules;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Cache-rule writes, each checked against the registry's other rules in the same transaction. */
public final class CacheRuleService {
  private static final String KIND = "cache rule";

  private final CacheRuleRepository rules;
  private final CredentialSetRepository credentialSets;
  private final RegistryReader registries;
  private final LongRunningOperations lro;
  private final Database database;
  private final Clock clock;

  public CacheRuleService(
      CacheRuleRepository rules,
      CredentialSetRepository credentialSets,
      RegistryReader registries,
      LongRunningOperations lro,
      Database database,
      Clock clock) {
    this.rules = rules;
    this.credentialSets = credentialSets;
    this.registries = registries;
    this.lro = lro;
    this.database = database;
    this.clock = clock;
  }

  /**
   * PUT. {@code sourceRepository} and {@code targetRepository} are create-only: an update must
   * repeat them unchanged.
   */
  public LroStep<CacheRule> createOrUpdate(
      ResourceId id, String source, String target, ResourceId credentialSet) {
    CacheRuleRules.validateChildName(id.name(), "Cache rule");
    RepositoryMapping mapping = CacheRuleRules.parse(source, target);
    LroStep<CacheRule> step =
        database.inTransaction(
            c -> {
              Registry registry = activeParent(id, "write");
              requireCredentialSet(registry, credentialSet);
              Optional<CacheRule> existing = rules.find(id);
              if (existing.isPresent()) {
                CacheRule old = existing.get();
                requireNotDeleting(old);
                requireUnchanged("sourceRepository", old.sourceRepository(), source);
                requireUnchanged("targetRepository", old.targetRepository(), target);
                return write(old.withCredentialSet(credentialSet, updating()), "Update", false);
              }
              List<CacheRule> others = rules.listChildren(registry.id());
              CacheRuleRules.checkAgainst(registry.id().name(), mapping, others, true);
              CacheRule created =
                  new CacheRule(
                      id,
                      source,
                      target,
                      credentialSet,
                      clock.instant(),
                      Provisioning.of(ProvisioningState.Creating, clock.instant()));
              return write(created, "Create", true);
            });
    lro.reconcile(id);
    return step;
  }

  /**
   * PATCH: only the credential set may change.
   *
   * @param credentialSet empty to leave it as it is; an empty optional inside to remove it
   */
  public LroStep<CacheRule> updateCredentialSet(
      ResourceId id, Optional<Optional<ResourceId>> credentialSet) {
    LroStep<CacheRule> step =
        database.inTransaction(
            c -> {
              Registry registry = activeParent(id, "write");
              CacheRule old = get(id);
              requireNotDeleting(old);
              ResourceId next =
                  credentialSet.isPresent()
                      ? credentialSet.get().orElse(null)
                      : old.credentialSetResourceId();
              requireCredentialSet(registry, next);
              return write(old.withCredentialSet(next, updating()), "Update", false);
            });
    lro.reconcile(id);
    return step;
  }

  public CacheRule get(ResourceId id) {
    registries.parentOf(id, "read");
    return rules.find(id).orElseThrow(() -> RegistryReader.notFound(id));
  }

  public List<CacheRule> list(ResourceId registry) {
    registries.get(registry);
    return rules.listChildren(registry);
  }

  /** DELETE; empty when the rule does not exist (204). */
  public Optional<LroStep<CacheRule>> beginDelete(ResourceId id) {
    Optional<LroStep<CacheRule>> step =
        database.inTransaction(
            c -> {
              registries.parentOf(id, "delete");
              Optional<CacheRule> found = rules.find(id);
              if (found.isEmpty()) {
                return Optional.<LroStep<CacheRule>>empty();
              }
              CacheRule rule = found.get();
              List<Operation> running = lro.inProgress(id);
              if (rule.provisioning().state() == ProvisioningState.Deleting && !running.isEmpty()) {
                return Optional.of(new LroStep<>(rule, running.get(0), false));
              }
              CacheRule deleting =
                  rule.withProvisioning(
                      Provisioning.of(ProvisioningState.Deleting, clock.instant()));
              return Optional.of(write(deleting, "Delete", false));
            });
    step.ifPresent(s -> lro.reconcile(id));
    return step;
  }

  private Registry activeParent(ResourceId id, String action) {
    Registry registry = registries.parentOf(id, action);
    if (registry.provisioning().state() == ProvisioningState.Deleting) {
      throw CommonError.ANOTHER_OPERATION_IN_PROGRESS.exception("Delete", registry.id());
    }
    return registry;
  }

  private void requireCredentialSet(Registry registry, ResourceId credentialSet) {
    if (credentialSet == null) {
      return;
    }
    boolean inRegistry = credentialSet.parent().map(registry.id()::equals).orElse(false);
    if (!inRegistry || credentialSets.find(credentialSet).isEmpty()) {
      throw ContainerRegistryError.CREDENTIAL_SET_NOT_FOUND.exception(
          credentialSet, registry.id().name());
    }
  }

  private LroStep<CacheRule> write(CacheRule rule, String kind, boolean created) {
    rules.save(rule);
    Operation op = lro.start(rule.id(), kind);
    return new LroStep<>(rule, op, created);
  }

  private Provisioning updating() {
    return Provisioning.of(ProvisioningState.Updating, clock.instant());
  }

  private static void requireUnchanged(String property, String stored, String given) {
    if (!stored.equals(given)) {
      throw ContainerRegistryError.PROPERTY_CHANGE_NOT_ALLOWED.exception(property, KIND);
    }
  }

  private static void requireNotDeleting(CacheRule rule) {
    if (rule.provisioning().state() == ProvisioningState.Deleting) {
      throw CommonError.ANOTHER_OPERATION_IN_PROGRESS.exception("Delete", rule.id());
    }
  }
}
