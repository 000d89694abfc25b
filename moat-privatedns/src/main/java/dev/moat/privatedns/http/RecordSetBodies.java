package dev.moat.privatedns.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.moat.privatedns.model.RecordData.ARecord;
import dev.moat.privatedns.model.RecordData.AaaaRecord;
import dev.moat.privatedns.model.RecordData.CnameRecord;
import dev.moat.privatedns.model.RecordData.MxRecord;
import dev.moat.privatedns.model.RecordData.PtrRecord;
import dev.moat.privatedns.model.RecordData.SoaRecord;
import dev.moat.privatedns.model.RecordData.SrvRecord;
import dev.moat.privatedns.model.RecordData.TxtRecord;
import dev.moat.privatedns.model.RecordSet;
import dev.moat.privatedns.model.RecordSet.Records;
import dev.moat.privatedns.service.RecordSetSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The wire shapes of record sets ({@code privateDnsZones/{type}/{name}}). */
final class RecordSetBodies {
  private RecordSetBodies() {}

  /** PUT and PATCH body; read-only properties (fqdn, isAutoRegistered) are ignored. */
  record Put(Properties properties) {
    RecordSetSpec spec() {
      Properties p = properties == null ? Properties.EMPTY : properties;
      return new RecordSetSpec(p.ttl(), p.metadata(), p.records());
    }
  }

  /** {@code properties}, as sent and as answered. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Properties(
      Map<String, String> metadata,
      Long ttl,
      String fqdn,
      @JsonProperty("isAutoRegistered") Boolean isAutoRegistered,
      @JsonProperty("aRecords") List<ARecord> aRecords,
      @JsonProperty("aaaaRecords") List<AaaaRecord> aaaaRecords,
      CnameRecord cnameRecord,
      List<MxRecord> mxRecords,
      List<PtrRecord> ptrRecords,
      SoaRecord soaRecord,
      List<SrvRecord> srvRecords,
      List<TxtRecord> txtRecords) {

    static final Properties EMPTY =
        new Properties(null, null, null, null, null, null, null, null, null, null, null, null);

    Records records() {
      return new Records(
          aRecords,
          aaaaRecords,
          cnameRecord,
          mxRecords,
          ptrRecords,
          soaRecord,
          srvRecords,
          txtRecords);
    }
  }

  /** GET/PUT response. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(String id, String name, String type, String etag, Properties properties) {

    static Body of(RecordSet r) {
      Records rec = r.records();
      String fqdn =
          (r.relativeName().equals("@") ? "" : r.relativeName() + ".")
              + r.zoneId().name().toLowerCase(Locale.ROOT)
              + ".";
      return new Body(
          r.id().toString(),
          r.relativeName(),
          r.type().resourceType().value(),
          r.etag(),
          new Properties(
              r.metadata().isEmpty() ? null : r.metadata(),
              r.ttl(),
              fqdn,
              false,
              rec.aRecords(),
              rec.aaaaRecords(),
              rec.cnameRecord(),
              rec.mxRecords(),
              rec.ptrRecords(),
              rec.soaRecord(),
              rec.srvRecords(),
              rec.txtRecords()));
    }
  }
}
