package dev.moat.resources.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.store.Database;
import dev.moat.resources.model.ResourceGroup;
import dev.moat.resources.model.ResourceGroupRepository;
import dev.moat.resources.model.ResourceGroupState;
import dev.moat.resources.validation.ResourceGroupError;
import dev.moat.resources.validation.ResourceGroupValidator;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Resource-group operations. Other providers call {@link #requireActive} before creating anything
 * inside a group, which is how a PUT into a missing group gets {@code ResourceGroupNotFound}.
 */
public final class ResourceGroupService implements ResourceGroups {
  private final ResourceGroupRepository groups;
  private final ResourceGroupValidator validator;
  private final LongRunningOperations lro;
  private final Database database;
  private final Clock clock;

  public ResourceGroupService(
      ResourceGroupRepository groups,
      ResourceGroupValidator validator,
      LongRunningOperations lro,
      Database database,
      Clock clock) {
    this.groups = groups;
    this.validator = validator;
    this.lro = lro;
    this.database = database;
    this.clock = clock;
  }

  /** The outcome of a PUT. */
  public record Written(ResourceGroup group, boolean created) {}

  public Written createOrUpdate(
      ResourceId id, String location, Map<String, String> tags, String managedBy) {
    validator.validateName(id.name());
    String region = validator.validateLocation(location);
    validator.validateTags(tags);
    return database.inTransaction(
        c -> {
          var existing = groups.find(id);
          if (existing.isPresent()) {
            ResourceGroup old = existing.get();
            if (old.state() == ResourceGroupState.Deleting) {
              throw ResourceGroupError.BEING_DELETED.exception(old.id().name());
            }
            if (!old.location().equals(region)) {
              throw ResourceGroupError.LOCATION_CONFLICT.exception(region, old.location());
            }
            ResourceGroup updated =
                new ResourceGroup(
                    old.id(),
                    old.location(),
                    tags,
                    managedBy == null ? old.managedBy() : managedBy,
                    ResourceGroupState.Succeeded,
                    null);
            groups.save(updated);
            return new Written(updated, false);
          }
          ResourceGroup created =
              new ResourceGroup(id, region, tags, managedBy, ResourceGroupState.Succeeded, null);
          groups.save(created);
          return new Written(created, true);
        });
  }

  public ResourceGroup get(ResourceId id) {
    return groups
        .find(id)
        .orElseThrow(() -> CommonError.RESOURCE_GROUP_NOT_FOUND.exception(id.name()));
  }

  public boolean exists(ResourceId id) {
    return groups.find(id).isPresent();
  }

  public List<ResourceGroup> list(String subscriptionId) {
    return groups.list(subscriptionId);
  }

  /** Replaces the tags (PATCH). */
  public ResourceGroup updateTags(ResourceId id, Map<String, String> tags) {
    validator.validateTags(tags);
    return database.inTransaction(
        c -> {
          ResourceGroup group = activeGroup(id);
          ResourceGroup updated = tags == null ? group : group.withTags(tags);
          groups.save(updated);
          return updated;
        });
  }

  /**
   * Marks the group for deletion and returns the operation that tracks it (the existing one when a
   * delete is already under way).
   */
  public Deletion beginDelete(ResourceId id) {
    Deletion deletion =
        database.inTransaction(
            c -> {
              ResourceGroup group = get(id);
              if (group.state() == ResourceGroupState.Deleting) {
                List<Operation> running = lro.inProgress(group.id());
                if (!running.isEmpty()) {
                  return new Deletion(group, running.get(0));
                }
              }
              groups.save(group.deleting(clock.instant()));
              return new Deletion(group, lro.start(group.id(), "Delete"));
            });
    lro.reconcile(deletion.group().id());
    return deletion;
  }

  /** A delete under way. */
  public record Deletion(ResourceGroup group, Operation operation) {}

  @Override
  public String requireActive(ResourceId groupId) {
    return activeGroup(groupId).location();
  }

  private ResourceGroup activeGroup(ResourceId groupId) {
    ResourceGroup group = get(groupId);
    if (group.state() == ResourceGroupState.Deleting) {
      throw ResourceGroupError.BEING_DELETED.exception(group.id().name());
    }
    return group;
  }
}
