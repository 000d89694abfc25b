package dev.moat.fabric;

import dev.moat.fabric.dns.DnsServers;
import dev.moat.fabric.dns.DnsView;
import dev.moat.fabric.dns.DnsViewInfo;
import dev.moat.fabric.dns.PublicUpstreams;
import dev.moat.fabric.dns.RecordType;
import dev.moat.fabric.dns.Resolution;
import dev.moat.fabric.dns.ViewResolver;
import dev.moat.fabric.reach.Reachability;
import dev.moat.fabric.reach.ReachabilityChecker;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.PrivateZoneInventory;
import dev.moat.fabric.topology.PublicNameInventory;
import dev.moat.fabric.topology.ZoneLinkPolicies;
import dev.moat.platform.id.ResourceId;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moat's network fabric: answers what a VM in Azure would ask of its network — what a name resolves
 * to from where it stands, and whether it can connect to an address — and serves the same answers
 * as real DNS on loopback.
 *
 * <p>Views are computed from the inventories at question time, never from a snapshot: the
 * inventories are in-memory or indexed reads, a question touches a handful of zones and names, and
 * a removed record or link must change the very next answer (a refreshed snapshot would leave a
 * window in which a VM sees what Azure would no longer show).
 *
 * <p>{@link #resolve} and {@link #check} work without {@link #start()}; the DNS servers need it.
 * Instances share nothing: two fabrics run side by side in one JVM. Thread-safe when the
 * inventories and egress policies are.
 */
public final class NetworkFabric implements AutoCloseable {
  private final ViewResolver resolver;
  private final ReachabilityChecker reachability;
  private final DnsServers dnsServers;

  /** A fabric whose DNS servers listen on 127.0.0.1, ephemeral ports. */
  public NetworkFabric(
      NetworkInventory network,
      PrivateZoneInventory zones,
      List<PublicNameInventory> publicNames,
      EgressPolicies egress,
      Clock clock) {
    this(
        network,
        zones,
        ZoneLinkPolicies.allDefault(),
        publicNames,
        egress,
        clock,
        FabricOptions.defaults());
  }

  /**
   * @param linkPolicies the {@code resolutionPolicy} of zone links ({@code NxDomainRedirect})
   * @param publicNames the providers' public names, in priority order; the fabric's {@link
   *     PublicUpstreams built-in upstreams} are consulted after them
   * @param egress overrides of subnets' egress (managed clusters' outbound types)
   * @param clock the time the read model reports
   */
  public NetworkFabric(
      NetworkInventory network,
      PrivateZoneInventory zones,
      ZoneLinkPolicies linkPolicies,
      List<PublicNameInventory> publicNames,
      EgressPolicies egress,
      Clock clock,
      FabricOptions options) {
    List<PublicNameInventory> allNames = new ArrayList<>(publicNames);
    allNames.add(new PublicUpstreams());
    this.resolver = new ViewResolver(zones, linkPolicies, allNames);
    this.reachability = new ReachabilityChecker(network, allNames, egress);
    this.dnsServers =
        new DnsServers(network, resolver, options.bindAddress(), options.hostDnsPort(), clock);
  }

  /**
   * Resolves {@code name} (case-insensitive, trailing dot optional) as {@code source} would: a
   * subnet through its VNet's view, the host through public DNS.
   *
   * @throws IllegalArgumentException when {@code name} is not a domain name
   */
  public Resolution resolve(Source source, String name, RecordType type) {
    DnsView view =
        source instanceof Source.Subnet s ? DnsView.of(s.virtualNetwork()) : DnsView.host();
    return resolver.resolve(view, name, type);
  }

  /**
   * Whether {@code source} can connect to {@code ipAddress:port}; see {@link ReachabilityChecker}.
   *
   * @throws IllegalArgumentException when the address is not IPv4 or the port not 1..65535
   */
  public Reachability check(Source source, String ipAddress, int port) {
    return reachability.check(source, ipAddress, port);
  }

  /**
   * Starts the DNS servers (host view and one per existing VNet). Idempotent.
   *
   * @throws java.io.UncheckedIOException when a socket cannot be bound
   */
  public NetworkFabric start() {
    dnsServers.start();
    return this;
  }

  /**
   * The DNS server of {@code vnet}'s view (creating it if the VNet appeared since the last look),
   * or empty when no such VNet exists.
   *
   * @throws IllegalStateException when the fabric is not started
   */
  public Optional<InetSocketAddress> dnsServer(ResourceId vnet) {
    return dnsServers.server(vnet);
  }

  /** The DNS server of the host's public view. */
  public InetSocketAddress hostDnsServer() {
    return dnsServers.hostServer();
  }

  /** Brings the DNS servers in line with the VNets that exist now. */
  public void refreshDnsServers() {
    dnsServers.sync();
  }

  /** Every DNS view, host first, for operators (e.g. {@code GET /moat/fabric/dns}). */
  public List<DnsViewInfo> dnsViews() {
    return dnsServers.views();
  }

  /** Stops the DNS servers. Idempotent; the fabric cannot be started again. */
  @Override
  public void close() {
    dnsServers.close();
  }
}
