package dev.moat.privatedns.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.store.Database;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.privatedns.model.LinkRepository;
import dev.moat.privatedns.model.LinkState;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.model.ProvisioningState;
import dev.moat.privatedns.model.ResolutionPolicy;
import dev.moat.privatedns.model.VirtualNetworkLink;
import dev.moat.privatedns.model.ZoneRepository;
import dev.moat.privatedns.validation.GlobalLocation;
import dev.moat.privatedns.validation.Preconditions;
import dev.moat.privatedns.validation.PrivateDnsError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Virtual network link operations. A link must name a virtual network that exists (checked
 * generically in the document store, so this module does not depend on the network provider); a
 * zone links a virtual network once, and a virtual network links at most one zone of each name.
 */
public final class LinkService {
  static final ResourceType VIRTUAL_NETWORK = ResourceType.of("Microsoft.Network/virtualNetworks");

  private final LinkRepository links;
  private final ZoneRepository zones;
  private final ResourceDocuments documents;
  private final ResourceGroups groups;
  private final LongRunningOperations lro;
  private final Database database;
  private final Clock clock;
  private final Supplier<String> etags;
  private final Supplier<List<String>> subscriptions;

  public LinkService(
      LinkRepository links,
      ZoneRepository zones,
      ResourceDocuments documents,
      ResourceGroups groups,
      LongRunningOperations lro,
      Clock clock,
      Supplier<String> etags,
      Supplier<List<String>> subscriptions) {
    this.links = links;
    this.zones = zones;
    this.documents = documents;
    this.groups = groups;
    this.lro = lro;
    this.database = documents.database();
    this.clock = clock;
    this.etags = etags;
    this.subscriptions = subscriptions;
  }

  /** A write accepted as a long-running operation. */
  public record Accepted(VirtualNetworkLink link, Operation operation) {}

  /** PUT (and PATCH, once merged): validates, stores the spec, starts Create or Update. */
  public Accepted createOrUpdate(ResourceId id, LinkSpec spec, Preconditions conditions) {
    GlobalLocation.require(spec.location(), PrivateDnsTypes.LINK);
    if (spec.virtualNetworkId() == null || spec.virtualNetworkId().isBlank()) {
      throw PrivateDnsError.VIRTUAL_NETWORK_REQUIRED.exception();
    }
    ResourceId vnet = ResourceId.parse(spec.virtualNetworkId());
    Accepted accepted =
        database.inTransaction(
            c -> {
              groups.requireActive(id.resourceGroupId().orElseThrow());
              ResourceId zoneId = id.parent().orElseThrow();
              PrivateZone zone = zones.find(zoneId).orElseThrow(() -> NotFound.parentZone(zoneId));
              ZoneService.requireNotDeleting(zone);
              Optional<VirtualNetworkLink> existing = links.find(id);
              conditions.check(existing.map(VirtualNetworkLink::etag));
              existing.ifPresent(old -> requireSameNetwork(old, vnet));
              if (!vnet.type().equals(VIRTUAL_NETWORK) || documents.get(vnet).isEmpty()) {
                throw PrivateDnsError.VIRTUAL_NETWORK_NOT_FOUND.exception(spec.virtualNetworkId());
              }
              requireNotLinkedElsewhere(id, zone, vnet);
              return save(id, spec, vnet, existing);
            });
    lro.reconcile(id);
    return accepted;
  }

  private Accepted save(
      ResourceId id, LinkSpec spec, ResourceId vnet, Optional<VirtualNetworkLink> existing) {
    Instant now = clock.instant();
    ResolutionPolicy policy =
        spec.resolutionPolicy() == null ? ResolutionPolicy.Default : spec.resolutionPolicy();
    boolean create = existing.isEmpty();
    VirtualNetworkLink link =
        new VirtualNetworkLink(
            id,
            spec.tags(),
            etags.get(),
            existing.map(VirtualNetworkLink::virtualNetwork).orElse(vnet),
            spec.registrationEnabled(),
            policy,
            create ? ProvisioningState.Creating : ProvisioningState.Updating,
            existing.map(VirtualNetworkLink::linkState).orElse(LinkState.InProgress),
            now);
    links.save(link);
    return new Accepted(link, lro.start(id, create ? "Create" : "Update"));
  }

  private static void requireSameNetwork(VirtualNetworkLink old, ResourceId vnet) {
    if (old.state() == ProvisioningState.Deleting) {
      throw CommonError.ANOTHER_OPERATION_IN_PROGRESS.exception("Delete", old.id().name());
    }
    if (!old.virtualNetwork().equals(vnet)) {
      throw PrivateDnsError.VIRTUAL_NETWORK_CHANGED.exception(
          old.id().name(), old.virtualNetwork(), vnet);
    }
  }

  /** One link per (zone, network), and one zone of a given name per network. */
  private void requireNotLinkedElsewhere(ResourceId id, PrivateZone zone, ResourceId vnet) {
    for (VirtualNetworkLink other : links.listForNetwork(vnet)) {
      if (other.id().equals(id) || !other.virtualNetwork().equals(vnet)) {
        continue;
      }
      if (other.zoneId().equals(zone.id())) {
        throw PrivateDnsError.ALREADY_LINKED.exception(zone.id().name(), vnet);
      }
      if (other.zoneId().name().equalsIgnoreCase(zone.id().name())) {
        throw PrivateDnsError.SAME_NAME_ZONE_LINKED.exception(
            other.zoneId().name(), zone.id().name());
      }
    }
  }

  public VirtualNetworkLink get(ResourceId id) {
    ResourceId zoneId = id.parent().orElseThrow();
    if (zones.find(zoneId).isEmpty()) {
      throw NotFound.parentZone(zoneId);
    }
    return links.find(id).orElseThrow(() -> NotFound.resource(id));
  }

  public List<VirtualNetworkLink> list(ResourceId zoneId) {
    if (zones.find(zoneId).isEmpty()) {
      throw NotFound.parentZone(zoneId);
    }
    return links.listChildren(zoneId);
  }

  /** DELETE: starts the Delete operation; empty when there is no such link. */
  public Optional<Accepted> beginDelete(ResourceId id, Preconditions conditions) {
    Optional<Accepted> accepted =
        database.inTransaction(
            c -> {
              Optional<VirtualNetworkLink> existing = links.find(id);
              if (existing.isEmpty()) {
                return Optional.<Accepted>empty();
              }
              VirtualNetworkLink link = existing.get();
              conditions.check(Optional.of(link.etag()));
              if (link.state() == ProvisioningState.Deleting) {
                List<Operation> running = lro.inProgress(id);
                if (!running.isEmpty()) {
                  return Optional.of(new Accepted(link, running.get(0)));
                }
              }
              VirtualNetworkLink deleting = link.deleting(clock.instant());
              links.save(deleting);
              return Optional.of(new Accepted(deleting, lro.start(id, "Delete")));
            });
    accepted.ifPresent(a -> lro.reconcile(id));
    return accepted;
  }
}
