package dev.moat.privatedns.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.store.Database;
import dev.moat.privatedns.model.LinkRepository;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.model.ProvisioningState;
import dev.moat.privatedns.model.RecordData.SoaRecord;
import dev.moat.privatedns.model.RecordSet;
import dev.moat.privatedns.model.RecordSetRepository;
import dev.moat.privatedns.model.RecordType;
import dev.moat.privatedns.model.VirtualNetworkLink;
import dev.moat.privatedns.model.ZoneRepository;
import dev.moat.privatedns.validation.DnsNames;
import dev.moat.privatedns.validation.GlobalLocation;
import dev.moat.privatedns.validation.Preconditions;
import dev.moat.privatedns.validation.PrivateDnsError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Private zone operations. Creating a zone also creates its SOA record set, in the same
 * transaction; deleting one is refused while virtual network links remain, as ARM refuses it.
 */
public final class ZoneService {
  /** Azure's defaults for the SOA record of a new private zone. */
  static final SoaRecord DEFAULT_SOA =
      new SoaRecord(
          "azureprivatedns.net",
          "azureprivatedns-host.microsoft.com",
          1L,
          3600L,
          300L,
          2419200L,
          10L);

  static final long SOA_TTL = 3600;

  private final ZoneRepository zones;
  private final LinkRepository links;
  private final RecordSetRepository records;
  private final ResourceGroups groups;
  private final LongRunningOperations lro;
  private final Database database;
  private final Clock clock;
  private final Supplier<String> etags;

  public ZoneService(
      ZoneRepository zones,
      LinkRepository links,
      RecordSetRepository records,
      ResourceGroups groups,
      LongRunningOperations lro,
      Database database,
      Clock clock,
      Supplier<String> etags) {
    this.zones = zones;
    this.links = links;
    this.records = records;
    this.groups = groups;
    this.lro = lro;
    this.database = database;
    this.clock = clock;
    this.etags = etags;
  }

  /** A write accepted as a long-running operation. */
  public record Accepted(PrivateZone zone, Operation operation) {}

  /** PUT: validates, stores the spec and starts the Create or Update operation. */
  public Accepted createOrUpdate(
      ResourceId id, String location, Map<String, String> tags, Preconditions conditions) {
    DnsNames.validateZoneName(id.name());
    GlobalLocation.require(location, PrivateDnsTypes.ZONE);
    return write(id, conditions, existing -> tags);
  }

  /** PATCH: replaces the tags when given, as an Update operation. */
  public Accepted updateTags(ResourceId id, Map<String, String> tags, Preconditions conditions) {
    return write(
        id,
        conditions,
        existing -> {
          PrivateZone zone = existing.orElseThrow(() -> NotFound.resource(id));
          return tags == null ? zone.tags() : tags;
        });
  }

  private Accepted write(
      ResourceId id,
      Preconditions conditions,
      Function<Optional<PrivateZone>, Map<String, String>> tagsFor) {
    Accepted accepted =
        database.inTransaction(
            c -> {
              groups.requireActive(id.resourceGroupId().orElseThrow());
              Optional<PrivateZone> existing = zones.find(id);
              conditions.check(existing.map(PrivateZone::etag));
              Map<String, String> tags = tagsFor.apply(existing);
              Instant now = clock.instant();
              if (existing.isPresent()) {
                PrivateZone old = existing.get();
                requireNotDeleting(old);
                PrivateZone updated =
                    old.withSpec(tags, etags.get(), ProvisioningState.Updating, now);
                zones.save(updated);
                return new Accepted(updated, lro.start(id, "Update"));
              }
              PrivateZone created =
                  new PrivateZone(
                      id, tags, etags.get(), internalId(), ProvisioningState.Creating, now);
              zones.save(created);
              records.save(
                  new RecordSet(
                      id.child(RecordType.SOA.name(), "@"),
                      RecordType.SOA,
                      SOA_TTL,
                      Map.of(),
                      etags.get(),
                      RecordSet.Records.ofSoa(DEFAULT_SOA)));
              return new Accepted(created, lro.start(id, "Create"));
            });
    lro.reconcile(id);
    return accepted;
  }

  public PrivateZone get(ResourceId id) {
    return zones.find(id).orElseThrow(() -> NotFound.resource(id));
  }

  /** Zones of a resource group, or of a subscription when {@code scope} is one. */
  public List<PrivateZone> list(ResourceId scope) {
    if (scope.isSubscription()) {
      return zones.listInSubscription(scope.subscriptionId());
    }
    groups.requireActive(scope);
    return zones.listChildren(scope);
  }

  /** The counts a zone shows in its read-only properties. */
  public record Counts(int recordSets, int links, int linksWithRegistration) {}

  public Counts counts(ResourceId zoneId) {
    List<VirtualNetworkLink> zoneLinks = links.listChildren(zoneId);
    return new Counts(
        records.listAll(zoneId).size(),
        zoneLinks.size(),
        (int) zoneLinks.stream().filter(VirtualNetworkLink::registrationEnabled).count());
  }

  /**
   * DELETE: starts the Delete operation (or returns the one under way); empty when there is no such
   * zone.
   */
  public Optional<Accepted> beginDelete(ResourceId id, Preconditions conditions) {
    Optional<Accepted> accepted =
        database.inTransaction(
            c -> {
              Optional<PrivateZone> existing = zones.find(id);
              if (existing.isEmpty()) {
                return Optional.<Accepted>empty();
              }
              PrivateZone zone = existing.get();
              conditions.check(Optional.of(zone.etag()));
              List<VirtualNetworkLink> remaining = links.listChildren(id);
              if (!remaining.isEmpty()) {
                throw PrivateDnsError.ZONE_HAS_LINKS.exception(nestedIds(remaining));
              }
              if (zone.state() == ProvisioningState.Deleting) {
                List<Operation> running = lro.inProgress(id);
                if (!running.isEmpty()) {
                  return Optional.of(new Accepted(zone, running.get(0)));
                }
              }
              PrivateZone deleting =
                  zone.withSpec(
                      zone.tags(), zone.etag(), ProvisioningState.Deleting, clock.instant());
              zones.save(deleting);
              return Optional.of(new Accepted(deleting, lro.start(id, "Delete")));
            });
    accepted.ifPresent(a -> lro.reconcile(id));
    return accepted;
  }

  /** ARM names nested resources by type path without the subscription and group. */
  private static String nestedIds(List<VirtualNetworkLink> links) {
    return links.stream()
        .limit(5)
        .map(
            l ->
                "Microsoft.Network/privateDnsZones/"
                    + l.zoneId().name()
                    + "/virtualNetworkLinks/"
                    + l.id().name())
        .collect(Collectors.joining("', '"));
  }

  static void requireNotDeleting(PrivateZone zone) {
    if (zone.state() == ProvisioningState.Deleting) {
      throw CommonError.ANOTHER_OPERATION_IN_PROGRESS.exception("Delete", zone.id().name());
    }
  }

  /**
   * An opaque immutable id shaped like Azure's, which base64-encodes {@code
   * ImmutableZoneIdentity|<guid>}. [EMU] the exact inner format is not documented.
   */
  private static String internalId() {
    return Base64.getEncoder()
        .withoutPadding()
        .encodeToString(
            ("ImmutableZoneIdentity|" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
  }
}
