package dev.moat.network.reconcile;

import dev.moat.network.model.DnsZoneGroup;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.Pending;
import dev.moat.network.model.ProvisioningState;
import dev.moat.network.service.ZoneRecordWriter;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import java.time.Duration;
import java.util.Optional;

/** Finishes zone group writes, and deletes (removing the records the group wrote). */
public final class DnsZoneGroupReconciler implements Reconciler {
  private final NetworkStore store;
  private final ZoneRecordWriter zoneRecords;
  private final ProvisioningDelay delay;

  public DnsZoneGroupReconciler(
      NetworkStore store, ZoneRecordWriter zoneRecords, ProvisioningDelay delay) {
    this.store = store;
    this.zoneRecords = zoneRecords;
    this.delay = delay;
  }

  @Override
  public ResourceType type() {
    return NetworkTypes.DNS_ZONE_GROUP;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    Optional<Duration> wait =
        store
            .database()
            .inTransaction(
                c -> {
                  Optional<DnsZoneGroup> group = store.dnsZoneGroups().get(id);
                  if (group.isEmpty() || group.get().status().is(ProvisioningState.Succeeded)) {
                    return Optional.<Duration>empty();
                  }
                  Optional<Duration> remaining = delay.remaining(group.get().status());
                  if (remaining.isPresent()) {
                    return remaining;
                  }
                  if (group.get().status().is(ProvisioningState.Deleting)) {
                    zoneRecords.remove(group.get());
                    store.dnsZoneGroups().delete(group.get().id());
                  } else {
                    store
                        .dnsZoneGroups()
                        .put(
                            group.get().id(),
                            group.get().withStatus(Pending.succeeded(delay.now())));
                  }
                  return Optional.<Duration>empty();
                });
    return wait.map(Outcome::requeueAfter).orElse(Outcome.done());
  }
}
