package dev.moat.privatedns.service;

import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.Database;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.model.RecordData.SoaRecord;
import dev.moat.privatedns.model.RecordSet;
import dev.moat.privatedns.model.RecordSet.Records;
import dev.moat.privatedns.model.RecordSetRepository;
import dev.moat.privatedns.model.RecordType;
import dev.moat.privatedns.model.ZoneRepository;
import dev.moat.privatedns.validation.Preconditions;
import dev.moat.privatedns.validation.PrivateDnsError;
import dev.moat.privatedns.validation.RecordSetValidator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Record set operations, synchronous as in Azure. Names are stored in lower case (Azure answers
 * {@code recordA} as {@code recorda}); a CNAME shares its name with no other record set.
 */
public final class RecordSetService {
  static final long DEFAULT_TTL = 3600;

  private final RecordSetRepository records;
  private final ZoneRepository zones;
  private final ResourceGroups groups;
  private final Database database;
  private final Supplier<String> etags;

  public RecordSetService(
      RecordSetRepository records,
      ZoneRepository zones,
      ResourceGroups groups,
      Database database,
      Supplier<String> etags) {
    this.records = records;
    this.zones = zones;
    this.groups = groups;
    this.database = database;
    this.etags = etags;
  }

  /** The outcome of a PUT. */
  public record Written(RecordSet recordSet, boolean created) {}

  /** The canonical id of a request path: the type as Azure spells it and the name in lower case. */
  public static ResourceId canonical(ResourceId requested) {
    RecordType type = RecordType.of(requested.type()).orElseThrow();
    return requested
        .parent()
        .orElseThrow()
        .child(type.name(), requested.name().toLowerCase(Locale.ROOT));
  }

  /** PUT: creates or replaces the record set (joins the caller's transaction, if any). */
  public Written createOrUpdate(
      ResourceId requested, RecordSetSpec spec, Preconditions conditions) {
    ResourceId id = canonical(requested);
    RecordType type = RecordType.of(id.type()).orElseThrow();
    return database.inTransaction(
        c -> {
          PrivateZone zone = requireZone(id);
          Optional<RecordSet> existing = records.find(id);
          conditions.check(existing.map(RecordSet::etag));
          if (type == RecordType.SOA && existing.isEmpty()) {
            throw PrivateDnsError.SOA_NOT_AT_APEX.exception(id.name());
          }
          long ttl = spec.ttl() == null ? DEFAULT_TTL : spec.ttl();
          Records content = soaKeepsHost(type, existing, spec.records().only(type));
          RecordSetValidator.validate(type, id.name(), zone.dnsName(), ttl, content);
          requireCnameExclusive(id, type);
          RecordSet saved = new RecordSet(id, type, ttl, spec.metadata(), etags.get(), content);
          records.save(saved);
          return new Written(saved, existing.isEmpty());
        });
  }

  /** PATCH: changes only what the body carries. */
  public RecordSet update(ResourceId requested, RecordSetSpec patch, Preconditions conditions) {
    ResourceId id = canonical(requested);
    RecordType type = RecordType.of(id.type()).orElseThrow();
    return database.inTransaction(
        c -> {
          PrivateZone zone = requireZone(id);
          RecordSet old = records.find(id).orElseThrow(() -> NotFound.recordSet(id));
          conditions.check(Optional.of(old.etag()));
          long ttl = patch.ttl() == null ? old.ttl() : patch.ttl();
          Map<String, String> metadata =
              patch.metadata() == null ? old.metadata() : patch.metadata();
          Records content =
              patch.records() == null || !carries(patch.records(), type)
                  ? old.records()
                  : soaKeepsHost(type, Optional.of(old), patch.records().only(type));
          RecordSetValidator.validate(type, id.name(), zone.dnsName(), ttl, content);
          RecordSet saved = old.withContent(ttl, metadata, content, etags.get());
          records.save(saved);
          return saved;
        });
  }

  public RecordSet get(ResourceId requested) {
    ResourceId id = canonical(requested);
    requireZone(id);
    return records.find(id).orElseThrow(() -> NotFound.recordSet(id));
  }

  /** The zone's record sets of {@code type}, or of every type when {@code type} is empty. */
  public List<RecordSet> list(ResourceId zoneId, Optional<RecordType> type) {
    if (zones.find(zoneId).isEmpty()) {
      throw NotFound.parentZone(zoneId);
    }
    return type.map(t -> records.list(zoneId, t)).orElseGet(() -> records.listAll(zoneId));
  }

  /** DELETE: false when there was nothing to delete. */
  public boolean delete(ResourceId requested, Preconditions conditions) {
    ResourceId id = canonical(requested);
    if (RecordType.of(id.type()).orElseThrow() == RecordType.SOA) {
      throw PrivateDnsError.SOA_CANNOT_BE_DELETED.exception();
    }
    return database.inTransaction(
        c -> {
          Optional<RecordSet> existing = records.find(id);
          if (existing.isEmpty()) {
            return false;
          }
          conditions.check(Optional.of(existing.get().etag()));
          return records.delete(id);
        });
  }

  private PrivateZone requireZone(ResourceId recordSetId) {
    groups.requireActive(recordSetId.resourceGroupId().orElseThrow());
    ResourceId zoneId = recordSetId.parent().orElseThrow();
    PrivateZone zone = zones.find(zoneId).orElseThrow(() -> NotFound.parentZone(zoneId));
    ZoneService.requireNotDeleting(zone);
    return zone;
  }

  /** DNS allows a CNAME only where no other record set has the name, and nothing beside it. */
  private void requireCnameExclusive(ResourceId id, RecordType type) {
    ResourceId zoneId = id.parent().orElseThrow();
    if (type == RecordType.CNAME) {
      for (RecordType other : RecordType.values()) {
        if (other != RecordType.CNAME
            && records.find(zoneId.child(other.name(), id.name())).isPresent()) {
          throw PrivateDnsError.CNAME_CONFLICT.exception();
        }
      }
    } else if (records.find(zoneId.child(RecordType.CNAME.name(), id.name())).isPresent()) {
      throw PrivateDnsError.NAME_HAS_CNAME.exception(type.name());
    }
  }

  /** The SOA host is Azure's own name server and stays as it was. */
  private static Records soaKeepsHost(
      RecordType type, Optional<RecordSet> existing, Records given) {
    if (type != RecordType.SOA || existing.isEmpty()) {
      return given;
    }
    SoaRecord old = existing.get().records().soaRecord();
    SoaRecord soa = given.soaRecord();
    if (soa == null) {
      return existing.get().records();
    }
    return Records.ofSoa(
        new SoaRecord(
            old.host(),
            soa.email() == null ? old.email() : soa.email(),
            soa.serialNumber() == null ? old.serialNumber() : soa.serialNumber(),
            soa.refreshTime() == null ? old.refreshTime() : soa.refreshTime(),
            soa.retryTime() == null ? old.retryTime() : soa.retryTime(),
            soa.expireTime() == null ? old.expireTime() : soa.expireTime(),
            soa.minimumTtl() == null ? old.minimumTtl() : soa.minimumTtl()));
  }

  private static boolean carries(Records r, RecordType type) {
    return switch (type) {
      case A -> r.aRecords() != null;
      case AAAA -> r.aaaaRecords() != null;
      case CNAME -> r.cnameRecord() != null;
      case MX -> r.mxRecords() != null;
      case PTR -> r.ptrRecords() != null;
      case SOA -> r.soaRecord() != null;
      case SRV -> r.srvRecords() != null;
      case TXT -> r.txtRecords() != null;
    };
  }
}
