package dev.moat.fabric.dns;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * The answer a VM would get for one name, as {@code dig} shows it: the CNAME chain, then the
 * addresses of the canonical name, or a negative answer with the zone that gave it.
 *
 * @param name the normalised question name (lower case, no trailing dot)
 * @param status the response code; {@link Status#NOERROR} with no addresses is NODATA
 * @param cnames the CNAME chain from {@code name}, in order
 * @param addresses IPv4 addresses of the last name of the chain (empty for negative answers and for
 *     {@link RecordType#CNAME} questions)
 * @param ttl seconds the addresses (or the negative answer) may be cached
 * @param authority the zone that answered the final name: the private zone's name for private
 *     answers, the public zone's name otherwise; carries the SOA of negative answers
 * @param privateZone the private DNS zone that answered the final name, or empty when public DNS
 *     did
 */
public record Resolution(
    String name,
    RecordType type,
    Status status,
    List<Cname> cnames,
    List<String> addresses,
    long ttl,
    String authority,
    Optional<ResourceId> privateZone) {

  /** DNS response codes the fabric gives. */
  public enum Status {
    NOERROR,
    NXDOMAIN,
    /** A CNAME loop or a chain longer than the fabric follows. */
    SERVFAIL,
    /** The view no longer exists (its virtual network was deleted). */
    REFUSED
  }

  /** One CNAME record: {@code owner} is an alias of {@code target}. */
  public record Cname(String owner, String target, long ttl) {}

  public Resolution {
    cnames = List.copyOf(cnames);
    addresses = List.copyOf(addresses);
  }

  /** The last name of the chain (the question name when there is no CNAME). */
  public String canonicalName() {
    return cnames.isEmpty() ? name : cnames.get(cnames.size() - 1).target();
  }

  /** True for NOERROR with no addresses: the name exists but has no record of the type asked. */
  public boolean isNoData() {
    return status == Status.NOERROR
        && addresses.isEmpty()
        && (type == RecordType.A || cnames.isEmpty());
  }

  /** True when the final name was answered from a private DNS zone. */
  public boolean isPrivate() {
    return privateZone.isPresent();
  }
}
