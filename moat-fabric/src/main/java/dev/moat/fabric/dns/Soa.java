package dev.moat.fabric.dns;

/**
 * The SOA record that goes into the authority section of negative answers. Values are Azure's
 * defaults: private zones are served by {@code azureprivatedns.net} with a 10 second minimum (so a
 * record added after an NXDOMAIN shows up quickly), public Azure DNS zones by {@code
 * ns1-01.azure-dns.com} with 300 seconds.
 *
 * @param zone the zone's name, normalised
 */
public record Soa(
    String zone,
    String host,
    String admin,
    long serial,
    long refresh,
    long retry,
    long expire,
    long minimum,
    long ttl) {

  /** The SOA of an Azure private DNS zone. */
  public static Soa privateZone(String zone) {
    return new Soa(
        zone,
        "azureprivatedns.net",
        "azureprivatedns-host.microsoft.com",
        1,
        3600,
        300,
        2419200,
        10,
        3600);
  }

  /** The SOA of a public zone hosted on Azure DNS. */
  public static Soa publicZone(String zone) {
    return new Soa(
        zone,
        "ns1-01.azure-dns.com",
        "azuredns-hostmaster.microsoft.com",
        1,
        3600,
        300,
        2419200,
        300,
        3600);
  }

  /** How long a negative answer may be cached (RFC 2308 §5: the lesser of TTL and minimum). */
  public long negativeTtl() {
    return Math.min(ttl, minimum);
  }
}
