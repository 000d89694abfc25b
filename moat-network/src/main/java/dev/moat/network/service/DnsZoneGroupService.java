package dev.moat.network.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.network.model.DnsZoneGroup;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.Pending;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code privateDnsZoneGroups} of private endpoints: writing one writes the endpoint's A records
 * into the zones it names, in the same transaction.
 */
public final class DnsZoneGroupService {
  private final NetworkStore store;
  private final ZoneRecordPlanner planner;
  private final ZoneRecordWriter writer;
  private final LongRunningOperations lro;
  private final Clock clock;
  private final PendingDeletes deletes;

  public DnsZoneGroupService(
      NetworkStore store,
      ZoneRecordPlanner planner,
      ZoneRecordWriter writer,
      LongRunningOperations lro,
      Clock clock) {
    this.store = store;
    this.planner = planner;
    this.writer = writer;
    this.lro = lro;
    this.clock = clock;
    this.deletes = new PendingDeletes(store, lro, clock);
  }

  public Written<DnsZoneGroup> createOrUpdate(
      ResourceId id, List<DnsZoneGroup.ZoneConfig> configs) {
    if (configs.stream().anyMatch(c -> c.name() == null || c.privateDnsZoneId() == null)) {
      throw NetworkError.INVALID_REQUEST_FORMAT.exception();
    }
    Written<DnsZoneGroup> written =
        store
            .database()
            .inTransaction(
                c -> {
                  PrivateEndpoint pe = endpoint(id);
                  Optional<DnsZoneGroup> existing = store.dnsZoneGroups().get(id);
                  ResourceId groupId =
                      existing
                          .map(DnsZoneGroup::id)
                          .orElse(pe.id().child("privateDnsZoneGroups", id.name()));
                  DnsZoneGroup base =
                      existing.orElse(new DnsZoneGroup(groupId, configs, List.of(), null));
                  DnsZoneGroup group =
                      writer
                          .apply(base, planner.plan(groupId, pe, configs))
                          .withStatus(Pending.updating(clock.instant()));
                  group = new DnsZoneGroup(groupId, configs, group.records(), group.status());
                  store.dnsZoneGroups().put(groupId, group);
                  Operation op = lro.start(groupId, existing.isPresent() ? "Update" : "Create");
                  return new Written<>(group, existing.isEmpty(), op);
                });
    lro.reconcile(written.value().id());
    return written;
  }

  public DnsZoneGroup get(ResourceId id) {
    endpoint(id);
    return store
        .dnsZoneGroups()
        .get(id)
        .orElseThrow(() -> NetworkError.CHILD_NOT_FOUND.exception(id));
  }

  public List<DnsZoneGroup> list(ResourceId endpointId) {
    return store.dnsZoneGroups().listChildren(endpointFor(endpointId).id());
  }

  public Optional<Written<DnsZoneGroup>> beginDelete(ResourceId id) {
    return deletes.begin(store.dnsZoneGroups(), id, this::get, group -> {});
  }

  /** The endpoint a zone group belongs to, with its location for polling URLs. */
  public PrivateEndpoint endpoint(ResourceId groupId) {
    return endpointFor(groupId.parent().orElseThrow());
  }

  private PrivateEndpoint endpointFor(ResourceId endpointId) {
    return store
        .privateEndpoints()
        .get(endpointId)
        .orElseThrow(() -> VirtualNetworkService.notFound(endpointId));
  }
}
