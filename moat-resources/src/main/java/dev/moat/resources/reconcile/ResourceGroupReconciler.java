package dev.moat.resources.reconcile;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.resources.model.ResourceGroup;
import dev.moat.resources.model.ResourceGroupRepository;
import dev.moat.resources.model.ResourceGroupState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finishes resource-group deletes: once the configured provisioning delay has passed, removes the
 * group and everything in it in one transaction, so a crash leaves either all of it or none.
 */
public final class ResourceGroupReconciler implements Reconciler {
  private final ResourceGroupRepository groups;
  private final Clock clock;
  private final Duration provisioningDelay;

  public ResourceGroupReconciler(
      ResourceGroupRepository groups, Clock clock, Duration provisioningDelay) {
    this.groups = groups;
    this.clock = clock;
    this.provisioningDelay = provisioningDelay;
  }

  @Override
  public ResourceType type() {
    return ResourceType.RESOURCE_GROUP;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    Optional<ResourceGroup> group = groups.find(id);
    if (group.isEmpty() || group.get().state() != ResourceGroupState.Deleting) {
      return Outcome.done();
    }
    Instant due = group.get().deleteRequestedAt().plus(provisioningDelay);
    Instant now = clock.instant();
    if (now.isBefore(due)) {
      return Outcome.requeueAfter(Duration.between(now, due));
    }
    groups.deleteWithContents(id);
    return Outcome.done();
  }
}
