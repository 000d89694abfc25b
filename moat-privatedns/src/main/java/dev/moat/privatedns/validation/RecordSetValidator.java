package dev.moat.privatedns.validation;

import dev.moat.privatedns.model.RecordData;
import dev.moat.privatedns.model.RecordSet.Records;
import dev.moat.privatedns.model.RecordType;

/** Azure's rules for the content of one record set, checked before anything is written. */
public final class RecordSetValidator {
  private RecordSetValidator() {}

  /**
   * Checks the name, TTL and the records of {@code type} in {@code records} (records of other types
   * are ignored, as they are not stored).
   */
  public static void validate(
      RecordType type, String relativeName, String zoneName, long ttl, Records records) {
    DnsNames.validateRelativeName(relativeName, zoneName);
    if (ttl < 0 || ttl > Integer.MAX_VALUE) {
      throw PrivateDnsError.INVALID_TTL.exception(ttl);
    }
    switch (type) {
      case A -> records.aRecords().forEach(r -> requireIp(r.ipv4Address(), true));
      case AAAA -> records.aaaaRecords().forEach(r -> requireIp(r.ipv6Address(), false));
      case CNAME -> validateCname(relativeName, records.cnameRecord());
      case MX -> records.mxRecords().forEach(RecordSetValidator::validateMx);
      case PTR -> records.ptrRecords().forEach(r -> requireName("PTR", "ptrdname", r.ptrdname()));
      case SRV -> records.srvRecords().forEach(RecordSetValidator::validateSrv);
      case TXT -> records.txtRecords().forEach(RecordSetValidator::validateTxt);
      case SOA -> validateSoa(relativeName);
    }
  }

  private static void requireIp(String address, boolean v4) {
    if (!(v4 ? IpAddresses.isIpv4(address) : IpAddresses.isIpv6(address))) {
      throw PrivateDnsError.INVALID_IP_ADDRESS.exception(String.valueOf(address));
    }
  }

  private static void validateCname(String relativeName, RecordData.CnameRecord cname) {
    if (relativeName.equals("@")) {
      throw PrivateDnsError.CNAME_AT_APEX.exception();
    }
    if (cname == null || cname.cname() == null) {
      throw PrivateDnsError.CNAME_REQUIRED.exception(relativeName);
    }
    DnsNames.validateTarget(cname.cname());
  }

  private static void validateMx(RecordData.MxRecord mx) {
    if (mx.preference() == null) {
      throw PrivateDnsError.RECORD_FIELD_REQUIRED.exception("MX", "preference");
    }
    requireName("MX", "exchange", mx.exchange());
  }

  private static void validateSrv(RecordData.SrvRecord srv) {
    if (srv.priority() == null || srv.weight() == null || srv.port() == null) {
      throw PrivateDnsError.RECORD_FIELD_REQUIRED.exception("SRV", "priority, weight and port");
    }
    requireName("SRV", "target", srv.target());
  }

  private static void validateTxt(RecordData.TxtRecord txt) {
    if (txt.value().isEmpty()) {
      throw PrivateDnsError.RECORD_FIELD_REQUIRED.exception("TXT", "value");
    }
  }

  private static void requireName(String type, String property, String value) {
    if (value == null) {
      throw PrivateDnsError.RECORD_FIELD_REQUIRED.exception(type, property);
    }
    DnsNames.validateTarget(value);
  }

  private static void validateSoa(String relativeName) {
    if (!relativeName.equals("@")) {
      throw PrivateDnsError.SOA_NOT_AT_APEX.exception(relativeName);
    }
  }
}
