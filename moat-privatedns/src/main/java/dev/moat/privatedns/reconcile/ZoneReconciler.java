package dev.moat.privatedns.reconcile;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.platform.store.Database;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.model.ProvisioningState;
import dev.moat.privatedns.model.ZoneRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finishes zone operations once the provisioning delay has passed: a created or updated zone
 * becomes {@code Succeeded}; a deleted one is removed with its record sets.
 */
public final class ZoneReconciler implements Reconciler {
  private final ZoneRepository zones;
  private final Database database;
  private final Clock clock;
  private final Duration provisioningDelay;

  public ZoneReconciler(
      ZoneRepository zones, Database database, Clock clock, Duration provisioningDelay) {
    this.zones = zones;
    this.database = database;
    this.clock = clock;
    this.provisioningDelay = provisioningDelay;
  }

  @Override
  public ResourceType type() {
    return PrivateDnsTypes.ZONE;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    // Read and write in one transaction, so an update accepted meanwhile is never overwritten.
    return database.inTransaction(c -> step(id));
  }

  private Outcome step(ResourceId id) {
    Optional<PrivateZone> found = zones.find(id);
    if (found.isEmpty() || !found.get().state().isTransitional()) {
      return Outcome.done();
    }
    PrivateZone zone = found.get();
    Instant due = zone.changedAt().plus(provisioningDelay);
    Instant now = clock.instant();
    if (now.isBefore(due)) {
      return Outcome.requeueAfter(Duration.between(now, due));
    }
    if (zone.state() == ProvisioningState.Deleting) {
      zones.delete(id);
    } else {
      zones.save(zone.withState(ProvisioningState.Succeeded));
    }
    return Outcome.done();
  }
}
