package dev.moat.privatedns;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.fabric.topology.PrivateZoneInventory;
import dev.moat.fabric.topology.ZoneLinkPolicies;
import dev.moat.platform.contracts.PrivateDnsRecords;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.kit.LifecycleReconciler;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.privatedns.http.LinkRoutes;
import dev.moat.privatedns.http.RecordSetRoutes;
import dev.moat.privatedns.http.ZoneRoutes;
import dev.moat.privatedns.model.JdbcRecordSetRepository;
import dev.moat.privatedns.model.LinkRepository;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.model.RecordSetRepository;
import dev.moat.privatedns.model.VirtualNetworkLink;
import dev.moat.privatedns.model.ZoneRepository;
import dev.moat.privatedns.service.LinkResolutionPolicies;
import dev.moat.privatedns.service.LinkService;
import dev.moat.privatedns.service.RecordSetService;
import dev.moat.privatedns.service.ZoneInventory;
import dev.moat.privatedns.service.ZoneRecords;
import dev.moat.privatedns.service.ZoneService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The private DNS part of {@code Microsoft.Network}: private zones, their virtual network links and
 * record sets. Offers the fabric its {@link #inventory()} and private endpoints {@link #records()}.
 */
public final class PrivateDnsProvider implements ResourceProvider {
  private final List<ArmOperation> operations = new ArrayList<>();
  private final List<Reconciler> reconcilers;
  private final ZoneInventory inventory;
  private final ZoneRecords records;
  private final LinkResolutionPolicies linkPolicies;

  public PrivateDnsProvider(ProviderContext context, ResourceGroups groups) {
    ZoneRepository zones = new ZoneRepository(context.documents());
    LinkRepository links = new LinkRepository(context.documents());
    RecordSetRepository recordSets = new JdbcRecordSetRepository(context.documents());
    // Azure's etags are GUIDs, new on every write.
    Supplier<String> etags = () -> UUID.randomUUID().toString();
    Supplier<List<String>> subscriptions =
        () ->
            context.tenancy().subscriptions().stream()
                .map(Tenancy.Subscription::subscriptionId)
                .toList();

    ZoneService zoneService =
        new ZoneService(
            zones,
            links,
            recordSets,
            groups,
            context.lro(),
            context.database(),
            context.clock(),
            etags);
    LinkService linkService =
        new LinkService(
            links,
            zones,
            context.documents(),
            groups,
            context.lro(),
            context.clock(),
            etags,
            subscriptions);
    RecordSetService recordSetService =
        new RecordSetService(recordSets, zones, groups, context.database(), etags);

    operations.addAll(new ZoneRoutes(zoneService, context.lro()).operations());
    operations.addAll(new LinkRoutes(linkService, context.lro()).operations());
    operations.addAll(new RecordSetRoutes(recordSetService).operations());
    this.reconcilers =
        List.of(
            new LifecycleReconciler<>(
                PrivateDnsTypes.ZONE,
                zones,
                context.database(),
                context.clock(),
                context.settings().provisioningDelay(),
                PrivateZone.LIFECYCLE),
            new LifecycleReconciler<>(
                PrivateDnsTypes.LINK,
                links,
                context.database(),
                context.clock(),
                context.settings().provisioningDelay(),
                VirtualNetworkLink.LIFECYCLE));
    this.inventory = new ZoneInventory(zones, links, recordSets, context.database(), subscriptions);
    this.records = new ZoneRecords(zones, recordSets, recordSetService);
    this.linkPolicies = new LinkResolutionPolicies(links);
  }

  /** The fabric's view of each link's {@code resolutionPolicy}. */
  public ZoneLinkPolicies linkPolicies() {
    return linkPolicies;
  }

  /** The fabric's view: each zone, the networks linked to it and its A records. */
  public PrivateZoneInventory inventory() {
    return inventory;
  }

  /** The A-record contract private endpoints' zone groups use. */
  public PrivateDnsRecords records() {
    return records;
  }

  @Override
  public String namespace() {
    return "Microsoft.Network";
  }

  @Override
  public List<ArmOperation> operations() {
    return List.copyOf(operations);
  }

  @Override
  public List<Reconciler> reconcilers() {
    return reconcilers;
  }
}
