package dev.moat.privatedns.service;

import dev.moat.fabric.topology.PrivateZoneInventory;
import dev.moat.fabric.topology.PrivateZoneView;
import dev.moat.fabric.topology.PrivateZoneView.ARecordView;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.Database;
import dev.moat.privatedns.model.LinkRepository;
import dev.moat.privatedns.model.LinkState;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.model.ProvisioningState;
import dev.moat.privatedns.model.RecordData.ARecord;
import dev.moat.privatedns.model.RecordSetRepository;
import dev.moat.privatedns.model.RecordType;
import dev.moat.privatedns.model.VirtualNetworkLink;
import dev.moat.privatedns.model.ZoneRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The fabric's view of private DNS, read from the store on each call: zones not being deleted, the
 * networks of links that have taken effect ({@code virtualNetworkLinkState: Completed}), and the A
 * record sets. Read in one (read) transaction so a view never mixes two states; {@link
 * #zonesLinkedTo} reads only the zones linked to the asking network.
 */
public final class ZoneInventory implements PrivateZoneInventory {
  private final ZoneRepository zones;
  private final LinkRepository links;
  private final RecordSetRepository records;
  private final Database database;
  private final Supplier<List<String>> subscriptions;

  public ZoneInventory(
      ZoneRepository zones,
      LinkRepository links,
      RecordSetRepository records,
      Database database,
      Supplier<List<String>> subscriptions) {
    this.zones = zones;
    this.links = links;
    this.records = records;
    this.database = database;
    this.subscriptions = subscriptions;
  }

  @Override
  public List<PrivateZoneView> zones() {
    return database.read(
        c -> {
          List<PrivateZoneView> views = new ArrayList<>();
          for (String subscription : subscriptions.get()) {
            for (PrivateZone zone : zones.listInSubscription(subscription)) {
              if (zone.state() != ProvisioningState.Deleting) {
                views.add(view(zone));
              }
            }
          }
          return views;
        });
  }

  @Override
  public List<PrivateZoneView> zonesLinkedTo(ResourceId virtualNetwork) {
    return database.read(
        c -> {
          Set<ResourceId> zoneIds = new LinkedHashSet<>();
          for (VirtualNetworkLink link : links.listForNetwork(virtualNetwork)) {
            if (link.linkState() == LinkState.Completed
                && link.state() != ProvisioningState.Deleting) {
              zoneIds.add(link.zoneId());
            }
          }
          List<PrivateZoneView> views = new ArrayList<>();
          for (ResourceId id : zoneIds) {
            zones
                .find(id)
                .filter(zone -> zone.state() != ProvisioningState.Deleting)
                .ifPresent(zone -> views.add(view(zone)));
          }
          return views;
        });
  }

  private PrivateZoneView view(PrivateZone zone) {
    List<ResourceId> networks =
        links.listChildren(zone.id()).stream()
            .filter(l -> l.linkState() == LinkState.Completed)
            .filter(l -> l.state() != ProvisioningState.Deleting)
            .map(VirtualNetworkLink::virtualNetwork)
            .toList();
    List<ARecordView> a =
        records.list(zone.id(), RecordType.A).stream()
            .map(
                r ->
                    new ARecordView(
                        r.relativeName(),
                        r.records().aRecords().stream().map(ARecord::ipv4Address).toList(),
                        (int) r.ttl()))
            .toList();
    return new PrivateZoneView(zone.id(), zone.dnsName(), networks, a);
  }
}
