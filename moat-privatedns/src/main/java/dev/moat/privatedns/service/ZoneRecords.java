package dev.moat.privatedns.service;

import dev.moat.platform.contracts.PrivateDnsRecords;
import dev.moat.platform.id.ResourceId;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.model.ProvisioningState;
import dev.moat.privatedns.model.RecordData.ARecord;
import dev.moat.privatedns.model.RecordSet;
import dev.moat.privatedns.model.RecordSet.Records;
import dev.moat.privatedns.model.RecordSetRepository;
import dev.moat.privatedns.model.RecordType;
import dev.moat.privatedns.model.ZoneRepository;
import dev.moat.privatedns.validation.Preconditions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PrivateDnsRecords} for private endpoints' zone groups: the same writes as the REST API
 * (same validation, etags and CNAME rule), joining the caller's transaction.
 */
public final class ZoneRecords implements PrivateDnsRecords {
  private final ZoneRepository zones;
  private final RecordSetRepository records;
  private final RecordSetService recordSets;

  public ZoneRecords(
      ZoneRepository zones, RecordSetRepository records, RecordSetService recordSets) {
    this.zones = zones;
    this.records = records;
    this.recordSets = recordSets;
  }

  @Override
  public Optional<String> zoneName(ResourceId zoneId) {
    return zones
        .find(zoneId)
        .filter(z -> z.state() != ProvisioningState.Deleting)
        .map(PrivateZone::dnsName);
  }

  @Override
  public void upsertA(ResourceId zoneId, String relativeName, List<String> ipv4Addresses, int ttl) {
    ResourceId id = zoneId.child(RecordType.A.name(), relativeName);
    // Metadata belongs to whoever set it through the API; an endpoint only manages addresses.
    Map<String, String> metadata =
        records.find(RecordSetService.canonical(id)).map(RecordSet::metadata).orElse(Map.of());
    List<ARecord> records = ipv4Addresses.stream().map(ARecord::new).toList();
    recordSets.createOrUpdate(
        id, new RecordSetSpec((long) ttl, metadata, Records.ofA(records)), Preconditions.none());
  }

  @Override
  public void deleteA(ResourceId zoneId, String relativeName) {
    recordSets.delete(zoneId.child(RecordType.A.name(), relativeName), Preconditions.none());
  }
}
