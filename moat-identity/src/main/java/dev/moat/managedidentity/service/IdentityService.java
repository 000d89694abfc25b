package dev.moat.managedidentity.service;

import dev.moat.arm.tenancy.Tenancy;
import dev.moat.authorization.PrincipalLookup;
import dev.moat.managedidentity.model.IdentityRepository;
import dev.moat.managedidentity.model.IsolationScope;
import dev.moat.managedidentity.model.UserAssignedIdentity;
import dev.moat.managedidentity.validation.IdentityValidator;
import dev.moat.managedidentity.validation.ManagedIdentityError;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.Database;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * User-assigned identity operations (all synchronous, as the MSI RP is), and the lookups other
 * parts of Moat need: by resource id ({@link ManagedIdentities}), by principal id ({@link
 * PrincipalLookup}, for role assignments) and by client id (IMDS).
 */
public final class IdentityService implements ManagedIdentities, PrincipalLookup {
  private final IdentityRepository identities;
  private final IdentityValidator validator;
  private final ResourceGroups groups;
  private final Database database;
  private final Tenancy tenancy;

  public IdentityService(
      IdentityRepository identities,
      IdentityValidator validator,
      ResourceGroups groups,
      Database database,
      Tenancy tenancy) {
    this.identities = identities;
    this.validator = validator;
    this.groups = groups;
    this.database = database;
    this.tenancy = tenancy;
  }

  /** The outcome of a PUT. */
  public record Written(UserAssignedIdentity identity, boolean created) {}

  public Written createOrUpdate(
      ResourceId id, String location, Map<String, String> tags, IsolationScope isolationScope) {
    validator.validateName(id.name());
    String region = validator.validateLocation(location);
    ResourceId group = id.resourceGroupId().orElseThrow();
    groups.requireActive(group);
    return database.inTransaction(
        c -> {
          Optional<UserAssignedIdentity> existing = identities.find(id);
          if (existing.isPresent()) {
            UserAssignedIdentity old = existing.get();
            if (!old.location().equals(region)) {
              throw ManagedIdentityError.LOCATION_CHANGE.exception(
                  region, id.name(), old.location());
            }
            UserAssignedIdentity updated =
                old.with(tags, Objects.requireNonNullElse(isolationScope, old.isolationScope()));
            identities.save(updated);
            return new Written(updated, false);
          }
          UserAssignedIdentity created =
              new UserAssignedIdentity(
                  id,
                  region,
                  tags,
                  tenancy.tenantId(),
                  UUID.randomUUID().toString(),
                  UUID.randomUUID().toString(),
                  Objects.requireNonNullElse(isolationScope, IsolationScope.None));
          identities.save(created);
          return new Written(created, true);
        });
  }

  public UserAssignedIdentity get(ResourceId id) {
    groups.requireActive(id.resourceGroupId().orElseThrow());
    return identities
        .find(id)
        .orElseThrow(
            () ->
                CommonError.RESOURCE_NOT_FOUND.exception(
                    "Microsoft.ManagedIdentity/userAssignedIdentities/" + id.name(),
                    id.resourceGroup().orElse("")));
  }

  /** Replaces tags (and isolation scope) when given: PATCH. */
  public UserAssignedIdentity update(
      ResourceId id, Map<String, String> tags, IsolationScope isolationScope) {
    return database.inTransaction(
        c -> {
          UserAssignedIdentity old = get(id);
          UserAssignedIdentity updated =
              old.with(
                  tags == null ? old.tags() : tags,
                  Objects.requireNonNullElse(isolationScope, old.isolationScope()));
          identities.save(updated);
          return updated;
        });
  }

  /** True when something was deleted. */
  public boolean delete(ResourceId id) {
    groups.requireActive(id.resourceGroupId().orElseThrow());
    return identities.delete(id);
  }

  /** The identities in a resource group (which must exist), or in the whole subscription. */
  public List<UserAssignedIdentity> listIn(ResourceId scope) {
    if (scope.isResourceGroup()) {
      groups.requireActive(scope);
    }
    return identities.listIn(scope);
  }

  @Override
  public Optional<Identity> find(ResourceId identityId) {
    return identities
        .find(identityId)
        .map(i -> new Identity(i.id(), i.principalId(), i.clientId(), i.tenantId()));
  }

  /** The stored identity, if any (no group check: for internal callers). */
  public Optional<UserAssignedIdentity> findStored(ResourceId identityId) {
    return identities.find(identityId);
  }

  public Optional<UserAssignedIdentity> findByClientId(String clientId) {
    return findAnywhere(i -> i.clientId().equalsIgnoreCase(clientId));
  }

  public Optional<UserAssignedIdentity> findByPrincipalId(String principalId) {
    return findAnywhere(i -> i.principalId().equalsIgnoreCase(principalId));
  }

  @Override
  public boolean exists(String objectId) {
    return findByPrincipalId(objectId).isPresent();
  }

  private Optional<UserAssignedIdentity> findAnywhere(Predicate<UserAssignedIdentity> match) {
    return tenancy.subscriptions().stream()
        .flatMap(s -> identities.listInSubscription(s.subscriptionId()).stream())
        .filter(match)
        .findFirst();
  }
}
