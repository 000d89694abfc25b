package dev.moat.privatedns.reconcile;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.platform.store.Database;
import dev.moat.privatedns.model.LinkRepository;
import dev.moat.privatedns.model.LinkState;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.ProvisioningState;
import dev.moat.privatedns.model.VirtualNetworkLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finishes link operations once the provisioning delay has passed: the link takes effect in its
 * virtual network ({@code virtualNetworkLinkState: Completed}, which is when the fabric starts
 * answering the zone there), or a deleted link is removed.
 */
public final class LinkReconciler implements Reconciler {
  private final LinkRepository links;
  private final Database database;
  private final Clock clock;
  private final Duration provisioningDelay;

  public LinkReconciler(
      LinkRepository links, Database database, Clock clock, Duration provisioningDelay) {
    this.links = links;
    this.database = database;
    this.clock = clock;
    this.provisioningDelay = provisioningDelay;
  }

  @Override
  public ResourceType type() {
    return PrivateDnsTypes.LINK;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    // Read and write in one transaction, so an update accepted meanwhile is never overwritten.
    return database.inTransaction(c -> step(id));
  }

  private Outcome step(ResourceId id) {
    Optional<VirtualNetworkLink> found = links.find(id);
    if (found.isEmpty() || !found.get().state().isTransitional()) {
      return Outcome.done();
    }
    VirtualNetworkLink link = found.get();
    Instant due = link.changedAt().plus(provisioningDelay);
    Instant now = clock.instant();
    if (now.isBefore(due)) {
      return Outcome.requeueAfter(Duration.between(now, due));
    }
    if (link.state() == ProvisioningState.Deleting) {
      links.delete(id);
    } else {
      links.save(link.withStatus(ProvisioningState.Succeeded, LinkState.Completed));
    }
    return Outcome.done();
  }
}
