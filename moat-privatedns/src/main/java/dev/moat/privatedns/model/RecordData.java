package dev.moat.privatedns.model;

import java.util.List;

/**
 * The records a record set can hold, one record class per type. Their JSON names are Azure's
 * ({@code ipv4Address}, {@code cname}, ...), so the wire bodies use them unchanged.
 */
public final class RecordData {
  private RecordData() {}

  /** An A record. */
  public record ARecord(String ipv4Address) {}

  /** An AAAA record. */
  public record AaaaRecord(String ipv6Address) {}

  /** The single record of a CNAME record set. */
  public record CnameRecord(String cname) {}

  /** An MX record. */
  public record MxRecord(Integer preference, String exchange) {}

  /** A PTR record. */
  public record PtrRecord(String ptrdname) {}

  /** The single record of the zone's SOA record set. */
  public record SoaRecord(
      String host,
      String email,
      Long serialNumber,
      Long refreshTime,
      Long retryTime,
      Long expireTime,
      Long minimumTtl) {}

  /** An SRV record. */
  public record SrvRecord(Integer priority, Integer weight, Integer port, String target) {}

  /** A TXT record: one or more strings. */
  public record TxtRecord(List<String> value) {
    public TxtRecord {
      value = value == null ? List.of() : List.copyOf(value);
    }
  }
}
