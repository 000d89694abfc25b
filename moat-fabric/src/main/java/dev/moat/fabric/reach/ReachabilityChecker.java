package dev.moat.fabric.reach;

import dev.moat.fabric.Egress;
import dev.moat.fabric.EgressPolicies;
import dev.moat.fabric.Source;
import dev.moat.fabric.address.Ipv4;
import dev.moat.fabric.address.Ipv4Prefix;
import dev.moat.fabric.dns.PublicNameCatalog;
import dev.moat.fabric.dns.PublicNameCatalog.PublicEndpoint;
import dev.moat.fabric.topology.EndpointAddressView;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.PublicNameInventory;
import dev.moat.fabric.topology.SubnetView;
import dev.moat.fabric.topology.VirtualNetworkView;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a source can connect to an address, with Azure's network semantics as far as Moat
 * models them.
 *
 * <ul>
 *   <li>Inside the source's virtual network every subnet reaches every endpoint (no NSGs are
 *       modelled, so the port is not filtered); an address of the VNet that no endpoint has is
 *       refused.
 *   <li>Other private addresses (RFC 1918 / 6598 / 3927, or another VNet's space) are refused: Moat
 *       has no peering, VPN or ExpressRoute. The host never reaches into a VNet.
 *   <li>Azure's platform addresses {@code 168.63.129.16} (DNS, wire server) and {@code
 *       169.254.169.254} (IMDS) are reachable from every subnet regardless of egress, as in Azure.
 *   <li>A public address needs egress from the source (the host always has it; a subnet when an
 *       {@link EgressPolicies egress override} says so, else when its {@code defaultOutboundAccess}
 *       is true) and the consent of every public name answering with that address.
 * </ul>
 *
 * <p>Nothing is cached: every check reads the inventories. Thread-safe when they are.
 */
public final class ReachabilityChecker {
  private static final Set<Ipv4> PLATFORM =
      Set.of(Ipv4.parse("168.63.129.16"), Ipv4.parse("169.254.169.254"));

  private final NetworkInventory network;
  private final List<PublicNameInventory> publicNames;
  private final EgressPolicies egress;

  public ReachabilityChecker(
      NetworkInventory network, List<PublicNameInventory> publicNames, EgressPolicies egress) {
    this.network = network;
    this.publicNames = List.copyOf(publicNames);
    this.egress = egress;
  }

  /**
   * Checks a TCP or UDP connection from {@code source} to {@code ipAddress:port}.
   *
   * @throws IllegalArgumentException when {@code ipAddress} is not IPv4 or the port is not 1..65535
   */
  public Reachability check(Source source, String ipAddress, int port) {
    Ipv4 ip = Ipv4.parse(ipAddress);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    boolean privateAddress =
        Ipv4Prefix.isNonInternet(ip)
            || network.isVirtualNetworkAddress(ip.toString(), prefixes -> inPrefixes(ip, prefixes));
    if (source instanceof Source.Subnet s) {
      return fromSubnet(s, ip, port, privateAddress);
    }
    if (privateAddress) {
      return Reachability.denied(
          Denial.NO_ROUTE_TO_PRIVATE_ADDRESS,
          "the host has no route to private address " + ip + " (virtual networks are isolated)");
    }
    return toPublic(ip, port);
  }

  private Reachability fromSubnet(Source.Subnet source, Ipv4 ip, int port, boolean privateAddress) {
    Optional<VirtualNetworkView> vnet = network.virtualNetwork(source.virtualNetwork());
    Optional<SubnetView> subnet =
        vnet.flatMap(v -> v.subnets().stream().filter(s -> s.id().equals(source.id())).findFirst());
    if (subnet.isEmpty()) {
      return Reachability.denied(
          Denial.SOURCE_NOT_FOUND, "subnet " + source.id() + " does not exist");
    }
    if (PLATFORM.contains(ip)) {
      return Reachability.allowed("Azure platform address " + ip, Optional.empty());
    }
    Optional<EndpointAddressView> local =
        vnet.get().subnets().stream()
            .flatMap(sub -> network.endpointsIn(sub.id()).stream())
            .filter(e -> ip.toString().equals(e.ipAddress()))
            .findFirst();
    if (local.isPresent()) {
      return Reachability.allowed(
          ip
              + ":"
              + port
              + " is "
              + describe(local.get())
              + " in virtual network "
              + vnet.get().id().name(),
          Optional.ofNullable(local.get().target()));
    }
    if (inPrefixes(ip, vnet.get().addressPrefixes())) {
      return Reachability.denied(
          Denial.NO_ENDPOINT_AT_ADDRESS,
          "nothing in virtual network " + vnet.get().id().name() + " has address " + ip);
    }
    if (privateAddress) {
      return Reachability.denied(
          Denial.NO_ROUTE_TO_PRIVATE_ADDRESS,
          ip
              + " is a private address outside virtual network "
              + vnet.get().id().name()
              + " and Moat has no peering");
    }
    Egress effective =
        source
            .egress()
            .or(() -> egress.forSubnet(source.id()))
            .orElse(subnet.get().defaultOutboundAccess() ? Egress.INTERNET : Egress.NONE);
    if (effective == Egress.NONE) {
      String why =
          source.egress().isPresent()
              ? "its outbound path allows no egress"
              : egress
                  .reason(source.id())
                  .orElse(
                      egress.forSubnet(source.id()).isPresent()
                          ? "egress disabled by policy"
                          : "defaultOutboundAccess is false");
      return Reachability.denied(
          Denial.OUTBOUND_BLOCKED,
          "no egress to the internet from subnet " + source.id().name() + " (" + why + ")");
    }
    return toPublic(ip, port);
  }

  private Reachability toPublic(Ipv4 ip, int port) {
    List<PublicEndpoint> owners = PublicNameCatalog.snapshot(publicNames).ownersOf(ip);
    if (owners.isEmpty()) {
      return Reachability.denied(
          Denial.UNKNOWN_PUBLIC_ADDRESS,
          "nothing answers at public address " + ip + " (Moat is offline)");
    }
    Optional<PublicEndpoint> refusing =
        owners.stream().filter(o -> !o.view().publicAccessEnabled()).findFirst();
    if (refusing.isPresent()) {
      return Reachability.denied(
          Denial.PUBLIC_ACCESS_DISABLED,
          describe(refusing.get()) + " does not accept traffic from public networks",
          Optional.ofNullable(refusing.get().view().resource()));
    }
    PublicEndpoint owner = owners.get(0);
    return Reachability.allowed(
        ip + ":" + port + " is " + owner.view().fqdn(),
        Optional.ofNullable(owner.view().resource()));
  }

  private static boolean inPrefixes(Ipv4 ip, List<String> prefixes) {
    return prefixes.stream()
        .map(Ipv4Prefix::tryParse)
        .flatMap(Optional::stream)
        .anyMatch(p -> p.contains(ip));
  }

  private static String describe(EndpointAddressView e) {
    String member = e.memberName() == null ? "" : " (" + e.memberName() + ")";
    return e.target() == null
        ? "NIC " + e.nic().name()
        : "the private endpoint of " + e.target().name() + member;
  }

  /** E.g. {@code registry myacr (myacr.azurecr.io)}. */
  private static String describe(PublicEndpoint p) {
    ResourceId resource = p.view().resource();
    if (resource == null) {
      return p.view().fqdn();
    }
    List<ResourceId.TypeAndName> segments = resource.segments();
    String type = segments.isEmpty() ? "resource" : segments.get(segments.size() - 1).type();
    String kind = type.equalsIgnoreCase("registries") ? "registry" : type;
    return kind + " " + resource.name() + " (" + p.view().fqdn() + ")";
  }
}
