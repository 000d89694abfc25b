package dev.moat.privatedns.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.privatedns.model.RecordData.ARecord;
import dev.moat.privatedns.model.RecordData.AaaaRecord;
import dev.moat.privatedns.model.RecordData.CnameRecord;
import dev.moat.privatedns.model.RecordData.MxRecord;
import dev.moat.privatedns.model.RecordData.PtrRecord;
import dev.moat.privatedns.model.RecordData.SoaRecord;
import dev.moat.privatedns.model.RecordData.SrvRecord;
import dev.moat.privatedns.model.RecordData.TxtRecord;
import java.util.List;
import java.util.Map;

/**
 * A stored record set. Only the records of {@code type} are set; the others are null. The id's last
 * name is the relative name in lower case ({@code @} for the apex), as Azure stores it.
 */
public record RecordSet(
    ResourceId id,
    RecordType type,
    long ttl,
    Map<String, String> metadata,
    String etag,
    Records records) {

  public RecordSet {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** The relative name, e.g. {@code myacr} or {@code @}. */
  public String relativeName() {
    return id.name();
  }

  /** The zone the record set lies in. */
  public ResourceId zoneId() {
    return id.parent().orElseThrow();
  }

  public RecordSet withContent(
      long newTtl, Map<String, String> newMetadata, Records newRecords, String newEtag) {
    return new RecordSet(id, type, newTtl, newMetadata, newEtag, newRecords);
  }

  /** The records of one type; every list but the one for the set's type is null. */
  public record Records(
      List<ARecord> aRecords,
      List<AaaaRecord> aaaaRecords,
      CnameRecord cnameRecord,
      List<MxRecord> mxRecords,
      List<PtrRecord> ptrRecords,
      SoaRecord soaRecord,
      List<SrvRecord> srvRecords,
      List<TxtRecord> txtRecords) {

    public Records {
      aRecords = copy(aRecords);
      aaaaRecords = copy(aaaaRecords);
      mxRecords = copy(mxRecords);
      ptrRecords = copy(ptrRecords);
      srvRecords = copy(srvRecords);
      txtRecords = copy(txtRecords);
    }

    private static <T> List<T> copy(List<T> list) {
      return list == null ? null : List.copyOf(list);
    }

    /** Just the records of {@code type} (an A set keeps only {@code aRecords}), never null. */
    public Records only(RecordType type) {
      return new Records(
          type == RecordType.A ? orEmpty(aRecords) : null,
          type == RecordType.AAAA ? orEmpty(aaaaRecords) : null,
          type == RecordType.CNAME ? cnameRecord : null,
          type == RecordType.MX ? orEmpty(mxRecords) : null,
          type == RecordType.PTR ? orEmpty(ptrRecords) : null,
          type == RecordType.SOA ? soaRecord : null,
          type == RecordType.SRV ? orEmpty(srvRecords) : null,
          type == RecordType.TXT ? orEmpty(txtRecords) : null);
    }

    private static <T> List<T> orEmpty(List<T> list) {
      return list == null ? List.of() : list;
    }

    /** A-records only. */
    public static Records ofA(List<ARecord> records) {
      return new Records(records, null, null, null, null, null, null, null);
    }

    /** The SOA record only. */
    public static Records ofSoa(SoaRecord soa) {
      return new Records(null, null, null, null, null, soa, null, null);
    }
  }
}
