package dev.moat.containerregistry.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.containerregistry.model.Provisioning;
import dev.moat.containerregistry.model.ProvisioningState;
import dev.moat.containerregistry.model.Registry;
import dev.moat.containerregistry.model.RegistryRepository;
import dev.moat.containerregistry.model.RegistrySpec;
import dev.moat.containerregistry.model.RegistryUpdate;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.containerregistry.validation.RegistryRules;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry writes. Every check runs inside the transaction that writes, so a rejected request
 * changes nothing and two racing creates of one name cannot both win.
 */
public final class RegistryService {
  private final RegistryRepository registries;
  private final RegistryReader reader;
  private final RegistryRules rules;
  private final ResourceGroups groups;
  private final PrivateEndpointConnections connections;
  private final LongRunningOperations lro;
  private final Database database;
  private final Clock clock;

  public RegistryService(
      RegistryRepository registries,
      RegistryReader reader,
      RegistryRules rules,
      ResourceGroups groups,
      PrivateEndpointConnections connections,
      LongRunningOperations lro,
      Database database,
      Clock clock) {
    this.registries = registries;
    this.reader = reader;
    this.rules = rules;
    this.groups = groups;
    this.connections = connections;
    this.lro = lro;
    this.database = database;
    this.clock = clock;
  }

  /** PUT: creates the registry or replaces its spec. */
  public LroStep<RegistryView> createOrReplace(
      ResourceId id, String location, Map<String, String> tags, RegistrySpec spec) {
    rules.validateName(id.name());
    String region = rules.validateLocation(location);
    LroStep<RegistryView> step =
        database.inTransaction(
            c -> {
              groups.requireActive(id.resourceGroupId().orElseThrow());
              Optional<Registry> existing = registries.find(id);
              if (existing.isPresent()) {
                Registry old = existing.get();
                requireNotDeleting(old);
                if (!old.location().equals(region)) {
                  throw ContainerRegistryError.LOCATION_CONFLICT.exception(
                      id.name(), old.location(), id.resourceGroup().orElse(""), region);
                }
                rules.validateSpec(id.name(), spec, connections.connectionsTo(id).size());
                RegistrySpec replaced =
                    spec.withPolicies(
                        spec.policies().keepingRetentionTimeOf(old.spec().policies()));
                return write(old.withSpec(replaced, tags, updating()), "Update", false);
              }
              Optional<Registry> sameName = registries.findByName(id.name());
              if (sameName.isPresent()) {
                throw ContainerRegistryError.REGISTRY_NAME_IN_USE.exception(
                    sameName.get().loginServer());
              }
              rules.validateSpec(id.name(), spec, 0);
              Registry created =
                  new Registry(
                      id,
                      region,
                      tags,
                      spec,
                      clock.instant(),
                      Provisioning.of(ProvisioningState.Creating, clock.instant()));
              return write(created, "Create", true);
            });
    lro.reconcile(id);
    return step;
  }

  /** PATCH: changes only what the update gives. */
  public LroStep<RegistryView> update(ResourceId id, RegistryUpdate update) {
    LroStep<RegistryView> step =
        database.inTransaction(
            c -> {
              Registry old = registries.find(id).orElseThrow(() -> RegistryReader.notFound(id));
              requireNotDeleting(old);
              RegistrySpec spec = update.applyTo(old.spec(), clock.instant());
              rules.validateSpec(id.name(), spec, connections.connectionsTo(id).size());
              Map<String, String> tags = update.tags() != null ? update.tags() : old.tags();
              return write(old.withSpec(spec, tags, updating()), "Update", false);
            });
    lro.reconcile(id);
    return step;
  }

  /**
   * DELETE: marks the registry for deletion (its cache rules and credential sets go with it); empty
   * when there is no such registry (ARM answers 204).
   */
  public Optional<LroStep<RegistryView>> beginDelete(ResourceId id) {
    Optional<LroStep<RegistryView>> step =
        database.inTransaction(
            c -> {
              Optional<Registry> found = registries.find(id);
              if (found.isEmpty()) {
                return Optional.<LroStep<RegistryView>>empty();
              }
              Registry registry = found.get();
              if (registry.provisioning().state() == ProvisioningState.Deleting) {
                List<Operation> running = lro.inProgress(id);
                if (!running.isEmpty()) {
                  return Optional.of(new LroStep<>(reader.view(registry), running.get(0), false));
                }
              }
              Registry deleting =
                  registry.withProvisioning(
                      Provisioning.of(ProvisioningState.Deleting, clock.instant()));
              return Optional.of(write(deleting, "Delete", false));
            });
    step.ifPresent(s -> lro.reconcile(id));
    return step;
  }

  private LroStep<RegistryView> write(Registry registry, String kind, boolean created) {
    registries.save(registry);
    Operation op = lro.start(registry.id(), kind);
    return new LroStep<>(reader.view(registry), op, created);
  }

  private Provisioning updating() {
    return Provisioning.of(ProvisioningState.Updating, clock.instant());
  }

  private static void requireNotDeleting(Registry registry) {
    if (registry.provisioning().state() == ProvisioningState.Deleting) {
      throw CommonError.ANOTHER_OPERATION_IN_PROGRESS.exception("Delete", registry.id());
    }
  }
}
