package dev.moat.fabric.dns;

import dev.moat.fabric.dns.PublicNameCatalog.PublicEndpoint;
import dev.moat.fabric.dns.Resolution.Cname;
import dev.moat.fabric.dns.Resolution.Status;
import dev.moat.fabric.topology.PrivateZoneInventory;
import dev.moat.fabric.topology.PrivateZoneView;
import dev.moat.fabric.topology.PrivateZoneView.ARecordView;
import dev.moat.fabric.topology.PublicNameInventory;
import dev.moat.fabric.topology.ZoneLinkPolicies;
import dev.moat.fabric.topology.ZoneLinkPolicies.ResolutionPolicy;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves names the way Azure-provided DNS (168.63.129.16) does inside a virtual network, and the
 * way public DNS does for the host.
 *
 * <p>For each name of the chain, the closest private zone linked to the view's VNet that contains
 * the name is authoritative: its A record answers, and a missing record is NXDOMAIN (or NODATA for
 * a name that exists only as a parent of other records), unless the link's {@code resolutionPolicy}
 * is {@code NxDomainRedirect} and the zone is a {@code privatelink} zone: then the name is resolved
 * publicly instead. Wildcard records in private zones are not implemented. A name no linked zone
 * covers is answered by public DNS: a name with a private-link alias answers with a CNAME to the
 * alias, which is then resolved again (so a linked {@code privatelink.*} zone with the record
 * overrides it); a name without one answers with its public addresses; an alias nobody overrides
 * answers with the public addresses of the name it stands for (real Azure adds one more CNAME to a
 * regional front end; Moat stops at the alias).
 *
 * <p>Nothing is cached: every call reads the inventories, so removing a record changes the very
 * next answer. Thread-safe when the inventories are.
 */
public final class ViewResolver {
  /** TTL of public answers, Azure DNS's common default. */
  static final long PUBLIC_TTL = 300;

  /** TTL of the public CNAME to a private-link alias. */
  static final long ALIAS_TTL = 60;

  /** How many CNAMEs are followed before giving up with SERVFAIL, as resolvers bound chains. */
  static final int MAX_CHAIN = 8;

  private final PrivateZoneInventory zones;
  private final ZoneLinkPolicies linkPolicies;
  private final List<PublicNameInventory> publicNames;

  /**
   * @param publicNames every source of public names, in priority order; include {@link
   *     PublicUpstreams} for the built-in internet names
   */
  public ViewResolver(
      PrivateZoneInventory zones,
      ZoneLinkPolicies linkPolicies,
      List<PublicNameInventory> publicNames) {
    this.zones = zones;
    this.linkPolicies = linkPolicies;
    this.publicNames = List.copyOf(publicNames);
  }

  /**
   * Resolves {@code name} in {@code view}.
   *
   * @throws IllegalArgumentException when {@code name} is not a domain name
   */
  public Resolution resolve(DnsView view, String name, RecordType type) {
    String qname = DomainNames.normalize(name);
    List<PrivateZoneView> linked = linkedZones(view);
    PublicNameCatalog catalog = PublicNameCatalog.snapshot(publicNames);
    List<Cname> chain = new ArrayList<>();
    String current = qname;
    while (chain.size() <= MAX_CHAIN) {
      Optional<PrivateZoneView> zone = closestZone(linked, current);
      if (zone.isPresent()) {
        Resolution answer = answerFromZone(qname, type, chain, current, zone.get());
        if (answer.status() != Status.NXDOMAIN || !redirects(zone.get(), view)) {
          return answer;
        }
      }
      Optional<PublicEndpoint> endpoint = catalog.lookup(current);
      Optional<String> alias = endpoint.flatMap(PublicEndpoint::alias);
      if (alias.isPresent() && !alias.get().equals(current)) {
        chain.add(new Cname(current, alias.get(), ALIAS_TTL));
        if (type == RecordType.CNAME) {
          return cnameOnly(qname, chain);
        }
        current = alias.get();
        continue;
      }
      String finalName = current;
      Optional<PublicEndpoint> answering = endpoint.or(() -> catalog.byAlias(finalName));
      String publicZone = DomainNames.publicZoneOf(current);
      if (answering.isPresent()) {
        return positive(
            qname, type, chain, answering.get().addresses(), PUBLIC_TTL, publicZone, null);
      }
      return negative(qname, type, Status.NXDOMAIN, chain, Soa.publicZone(publicZone), null);
    }
    return new Resolution(qname, type, Status.SERVFAIL, chain, List.of(), 0, "", Optional.empty());
  }

  /** True when the zone's NXDOMAIN falls back to public resolution for this view. */
  private boolean redirects(PrivateZoneView zone, DnsView view) {
    boolean privateLinkZone =
        List.of(DomainNames.normalize(zone.name()).split("\\.")).contains("privatelink");
    return privateLinkZone
        && linkPolicies.resolutionPolicy(zone.id(), view.virtualNetwork().orElseThrow())
            == ResolutionPolicy.NX_DOMAIN_REDIRECT;
  }

  private List<PrivateZoneView> linkedZones(DnsView view) {
    if (view.virtualNetwork().isEmpty()) {
      return List.of(); // private zones never apply to the host / the internet
    }
    return zones.zonesLinkedTo(view.virtualNetwork().get());
  }

  private static Optional<PrivateZoneView> closestZone(List<PrivateZoneView> linked, String name) {
    return linked.stream()
        .filter(z -> DomainNames.isAtOrBelow(name, DomainNames.normalize(z.name())))
        .max(Comparator.comparingInt(z -> z.name().length()));
  }

  private static Resolution answerFromZone(
      String qname, RecordType type, List<Cname> chain, String current, PrivateZoneView zone) {
    String zoneName = DomainNames.normalize(zone.name());
    String relative = DomainNames.relativeTo(current, zoneName);
    Optional<ARecordView> record =
        zone.aRecords().stream()
            .filter(r -> r.relativeName().equalsIgnoreCase(relative))
            .findFirst();
    if (record.isPresent() && !record.get().ipv4Addresses().isEmpty()) {
      if (type == RecordType.CNAME && chain.isEmpty()) {
        return negative(qname, type, Status.NOERROR, chain, Soa.privateZone(zoneName), zone.id());
      }
      return positive(
          qname,
          type,
          chain,
          record.get().ipv4Addresses(),
          record.get().ttl(),
          zoneName,
          zone.id());
    }
    Status status = record.isPresent() || exists(zone, relative) ? Status.NOERROR : Status.NXDOMAIN;
    return negative(qname, type, status, chain, Soa.privateZone(zoneName), zone.id());
  }

  /** The apex and every parent of a record exist (empty non-terminals, RFC 8020). */
  private static boolean exists(PrivateZoneView zone, String relative) {
    if (relative.equals("@")) {
      return true;
    }
    String suffix = "." + relative;
    return zone.aRecords().stream()
        .anyMatch(r -> r.relativeName().toLowerCase(Locale.ROOT).endsWith(suffix));
  }

  private static Resolution positive(
      String qname,
      RecordType type,
      List<Cname> chain,
      List<String> addresses,
      long ttl,
      String authority,
      ResourceId zone) {
    if (type == RecordType.CNAME) {
      return cnameOnly(qname, chain);
    }
    return new Resolution(
        qname, type, Status.NOERROR, chain, addresses, ttl, authority, Optional.ofNullable(zone));
  }

  private static Resolution cnameOnly(String qname, List<Cname> chain) {
    List<Cname> first = chain.isEmpty() ? List.of() : List.of(chain.get(0));
    long ttl = first.isEmpty() ? 0 : first.get(0).ttl();
    return new Resolution(
        qname,
        RecordType.CNAME,
        Status.NOERROR,
        first,
        List.of(),
        ttl,
        DomainNames.publicZoneOf(qname),
        Optional.empty());
  }

  private static Resolution negative(
      String qname, RecordType type, Status status, List<Cname> chain, Soa soa, ResourceId zone) {
    return new Resolution(
        qname,
        type,
        status,
        chain,
        List.of(),
        soa.negativeTtl(),
        soa.zone(),
        Optional.ofNullable(zone));
  }
}
