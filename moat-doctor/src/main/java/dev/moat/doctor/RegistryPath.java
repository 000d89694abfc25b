package dev.moat.doctor;

import dev.moat.doctor.RegistryCatalog.RegistryFacts;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.Source;
import dev.moat.fabric.dns.RecordType;
import dev.moat.fabric.dns.Resolution;
import dev.moat.fabric.reach.Denial;
import dev.moat.fabric.reach.Reachability;
import dev.moat.fabric.topology.PrivateZoneInventory;
import dev.moat.fabric.topology.PrivateZoneView;
import dev.moat.mcr.Artifact;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.contracts.PrivateEndpointConnections.Connection;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry half of a node's path (NODE3–NODE8): the private endpoint, the cache rule, and for
 * the login server and the data endpoint, what the node's VNet view resolves and whether the fabric
 * admits the connection — asked of the very fabric the node agents' DNS server and ingress consult.
 */
final class RegistryPath {
  private static final String AZURECR = ".azurecr.io";

  private final NetworkFabric fabric;
  private final PrivateZoneInventory zones;
  private final PrivateEndpointConnections connections;

  RegistryPath(
      NetworkFabric fabric, PrivateZoneInventory zones, PrivateEndpointConnections connections) {
    this.fabric = fabric;
    this.zones = zones;
    this.connections = connections;
  }

  /** The node's source: its subnet with the egress its cluster's outbound type gives it. */
  static Source nodeSource(ClusterPlan c, ResourceId subnet) {
    return Source.node(subnet, dev.moat.nodes.NodeAgents.egressOf(c.outboundType()));
  }

  /** BYO2 / MACR2: every bootstrap artifact maps onto MCR through a cache rule. */
  Link cacheRule(ClusterPlan c, RegistryFacts r, List<Artifact> artifacts) {
    String title = "cache rule aks-managed-repository/* → mcr.microsoft.com/*";
    List<String> wrong = new ArrayList<>();
    String sample = "";
    for (Artifact a : artifacts) {
      String repo = "aks-managed-repository/" + a.repository();
      Optional<RegistryCatalog.Upstream> up = r.upstreams().apply(repo);
      boolean ok =
          up.isPresent()
              && up.get().loginServer().equalsIgnoreCase("mcr.microsoft.com")
              && up.get().repository().equals(a.repository());
      if (!ok) {
        wrong.add(
            repo
                + (up.map(u -> " → " + u.loginServer() + "/" + u.repository())
                    .orElse(" → no rule")));
      } else if (sample.isEmpty()) {
        sample =
            repo + " → mcr.microsoft.com/" + a.repository() + " (rule " + up.get().ruleName() + ")";
      }
    }
    String rules =
        r.cacheRules().isEmpty()
            ? "no cache rules"
            : r.cacheRules().stream()
                .map(x -> x.name() + ": " + x.sourceRepository() + " → " + x.targetRepository())
                .collect(Collectors.joining("; "));
    if (wrong.isEmpty()) {
      return Link.pass(
          "cache-rule",
          "registry",
          title,
          r.name() + ": " + sample + " (" + rules + ")",
          c.managedRegistry() ? "MACR2" : "BYO2");
    }
    List<String> fixes = new ArrayList<>();
    if (c.managedRegistry()) {
      fixes.add("az acr delete -n " + r.name() + " -g " + Fixes.group(r.id()) + " --yes");
      fixes.add(Fixes.reconcile(c));
    } else {
      r.cacheRules().stream()
          .filter(x -> x.name().equalsIgnoreCase("aks-managed-mcr"))
          .findFirst()
          .ifPresent(x -> fixes.add(Fixes.deleteCacheRule(r.id(), x.name())));
      fixes.add(Fixes.createCacheRule(r.id()));
    }
    return Link.fail(
        "cache-rule",
        "registry",
        title,
        r.name()
            + " cannot serve "
            + wrong.size()
            + " of "
            + artifacts.size()
            + " bootstrap artifacts, e.g. "
            + wrong.get(0)
            + " ("
            + rules
            + ")",
        c.managedRegistry() ? "MACR5" : "BYO2",
        fixes);
  }

  /** BYO3: an approved private endpoint of the registry in the node's virtual network. */
  Optional<Connection> endpoint(ResourceId vnet, RegistryFacts r) {
    return connections.connectionsTo(r.id()).stream()
        .filter(x -> x.subnet().parent().map(vnet::equals).orElse(false))
        .filter(x -> "Approved".equalsIgnoreCase(x.status()))
        .findFirst();
  }

  Link endpointLink(ClusterPlan c, ResourceId subnet, RegistryFacts r) {
    ResourceId vnet = subnet.parent().orElseThrow();
    List<Connection> all = connections.connectionsTo(r.id());
    Optional<Connection> approved = endpoint(vnet, r);
    String title = "private endpoint of " + r.name() + " in virtual network " + vnet.name();
    if (approved.isPresent()) {
      Connection x = approved.get();
      return Link.pass(
          "private-endpoint",
          "network",
          title,
          x.privateEndpoint().name()
              + " ("
              + x.status()
              + ", subnet "
              + x.subnet().name()
              + "): "
              + addresses(x),
          "BYO3");
    }
    Optional<Connection> pending =
        all.stream().filter(x -> x.subnet().parent().map(vnet::equals).orElse(false)).findFirst();
    if (pending.isPresent()) {
      Connection x = pending.get();
      return Link.fail(
          "private-endpoint",
          "network",
          title,
          "connection "
              + x.name()
              + " of "
              + x.privateEndpoint().name()
              + " is "
              + x.status()
              + ", not Approved",
          "BYO3",
          List.of(
              "az network private-endpoint-connection approve -g "
                  + Fixes.group(r.id())
                  + " --resource-name "
                  + r.name()
                  + " --type Microsoft.ContainerRegistry/registries -n "
                  + x.name()));
    }
    String elsewhere =
        all.isEmpty()
            ? "the registry has no private endpoint"
            : "its private endpoints are in other virtual networks: "
                + all.stream()
                    .map(
                        x ->
                            x.privateEndpoint().name()
                                + " in "
                                + x.subnet().parent().orElseThrow().name())
                    .collect(Collectors.joining(", "));
    List<String> fixes =
        c.managedRegistry()
            ? List.of(Fixes.reconcile(c))
            : List.of(
                Fixes.createEndpoint(r.id(), subnet),
                Fixes.zoneGroup(endpointId(r, vnet), zoneForFix(vnet, r)));
    return Link.fail("private-endpoint", "network", title, elsewhere, "BYO3", fixes);
  }

  /**
   * DNS and network links for {@code host} (the login server or the data endpoint), as the node
   * resolves and connects.
   */
  List<Link> nameLinks(
      ClusterPlan c, ResourceId subnet, RegistryFacts r, String host, String member, String kind) {
    ResourceId vnet = subnet.parent().orElseThrow();
    Source node = nodeSource(c, subnet);
    Resolution res = fabric.resolve(node, host, RecordType.A);
    String chain = res.cnames().stream().map(x -> " → " + x.target()).collect(Collectors.joining());
    String where =
        res.privateZone()
            .map(z -> "private zone " + z.resourceGroup().orElse("") + "/" + res.authority())
            .orElse("public DNS");
    Optional<Connection> pe = endpoint(vnet, r);
    Optional<String> expected = pe.map(x -> x.addresses().get(member));
    String dnsId = kind + "-dns";
    String pathId = kind + "-path";
    String dnsTitle = host + " resolves in " + vnet.name() + "'s DNS view";
    List<Link> out = new ArrayList<>();
    if (res.addresses().isEmpty()) {
      out.add(
          Link.fail(
              dnsId,
              "dns",
              dnsTitle,
              "lookup " + host + chain + ": " + res.status() + " from " + where,
              "TS4",
              dnsFixes(c, subnet, r, host, expected, List.of())));
      return out;
    }
    String address = res.addresses().get(0);
    String resolved =
        host + chain + " → " + String.join(", ", res.addresses()) + " (" + where + ")";
    boolean stale =
        expected.isPresent() && res.isPrivate() && !res.addresses().contains(expected.get());
    if (stale) {
      out.add(
          Link.fail(
              dnsId,
              "dns",
              dnsTitle,
              resolved + ", but the private endpoint's " + member + " address is " + expected.get(),
              "BYO3",
              dnsFixes(c, subnet, r, host, expected, res.addresses())));
    } else if (!res.isPrivate() && c.isolatedOutbound()) {
      out.add(
          Link.warn(
              dnsId,
              "dns",
              dnsTitle,
              resolved
                  + ": a public address, so the node's traffic would leave the virtual network",
              "TS4",
              List.of()));
    } else {
      out.add(Link.pass(dnsId, "dns", dnsTitle, resolved, "BYO3"));
    }
    Reachability reach = fabric.check(node, address, 443);
    String pathTitle =
        "node in " + subnet.name() + " connects to " + host + " (" + address + ":443)";
    if (reach.isAllowed()) {
      out.add(Link.pass(pathId, "network", pathTitle, reach.detail(), "NODE3"));
    } else {
      Denial d = reach.denial().orElseThrow();
      List<String> fixes =
          switch (d) {
            case NO_ENDPOINT_AT_ADDRESS -> dnsFixes(c, subnet, r, host, expected, res.addresses());
            case PUBLIC_ACCESS_DISABLED, OUTBOUND_BLOCKED, UNKNOWN_PUBLIC_ADDRESS ->
                pe.isPresent()
                    ? dnsFixes(c, subnet, r, host, expected, List.of())
                    : c.managedRegistry()
                        ? List.of(Fixes.reconcile(c))
                        : List.of(
                            Fixes.createEndpoint(r.id(), subnet),
                            Fixes.zoneGroup(endpointId(r, vnet), zoneForFix(vnet, r)));
            default -> List.of();
          };
      out.add(
          Link.fail(
              pathId,
              "network",
              pathTitle,
              d.code()
                  + ": "
                  + reach.detail()
                  + " (the node sees: dial tcp "
                  + address
                  + ":443: connect: connection timed out)",
              d == Denial.OUTBOUND_BLOCKED || d == Denial.PUBLIC_ACCESS_DISABLED ? "NI1" : "TS4",
              fixes));
    }
    return out;
  }

  /** The commands that make {@code host} resolve to {@code expected} in {@code vnet}. */
  private List<String> dnsFixes(
      ClusterPlan c,
      ResourceId subnet,
      RegistryFacts r,
      String host,
      Optional<String> expected,
      List<String> wrongAddresses) {
    ResourceId vnet = subnet.parent().orElseThrow();
    String record = recordName(host);
    List<PrivateZoneView> named =
        zones.zones().stream().filter(z -> z.name().equalsIgnoreCase(Fixes.ZONE)).toList();
    Optional<PrivateZoneView> linked =
        named.stream().filter(z -> z.linkedVirtualNetworks().contains(vnet)).findFirst();
    List<String> fixes = new ArrayList<>();
    if (expected.isEmpty()) {
      // No approved endpoint in the VNet: create it and let a zone group write both records.
      return c.managedRegistry()
          ? List.of(Fixes.reconcile(c))
          : List.of(
              Fixes.createEndpoint(r.id(), subnet),
              Fixes.zoneGroup(endpointId(r, vnet), zoneForFix(vnet, r)));
    }
    PrivateZoneView zone;
    if (linked.isPresent()) {
      zone = linked.get();
    } else if (!named.isEmpty()) {
      zone = named.get(0);
      fixes.add(Fixes.linkZone(zone.id(), vnet));
    } else {
      String group = vnet.resourceGroup().orElseThrow();
      fixes.add(Fixes.createZone(group));
      fixes.add(Fixes.linkNewZone(group, vnet));
      fixes.add(Fixes.addRecord(zoneId(vnet, group), record, expected.get()));
      return fixes;
    }
    Optional<PrivateZoneView.ARecordView> existing =
        zone.aRecords().stream().filter(a -> a.relativeName().equalsIgnoreCase(record)).findFirst();
    for (String ip : existing.map(PrivateZoneView.ARecordView::ipv4Addresses).orElse(List.of())) {
      if (!ip.equals(expected.get())) {
        fixes.add(Fixes.removeRecord(zone.id(), record, ip));
      }
    }
    if (existing.map(a -> !a.ipv4Addresses().contains(expected.get())).orElse(true)) {
      fixes.add(Fixes.addRecord(zone.id(), record, expected.get()));
    }
    return fixes;
  }

  /**
   * {@code myacr.azurecr.io} → {@code myacr}; {@code myacr.eastus.data.azurecr.io} → {@code
   * myacr.eastus.data}.
   */
  static String recordName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(AZURECR) ? h.substring(0, h.length() - AZURECR.length()) : h;
  }

  private static String addresses(Connection x) {
    return x.addresses().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static ResourceId zoneId(ResourceId vnet, String group) {
    return ResourceId.parse(
        "/subscriptions/"
            + vnet.subscriptionId()
            + "/resourceGroups/"
            + group
            + "/providers/Microsoft.Network/privateDnsZones/"
            + Fixes.ZONE);
  }

  private static ResourceId endpointId(RegistryFacts r, ResourceId vnet) {
    return ResourceId.parse(
        "/subscriptions/"
            + vnet.subscriptionId()
            + "/resourceGroups/"
            + vnet.resourceGroup().orElseThrow()
            + "/providers/Microsoft.Network/privateEndpoints/"
            + r.name()
            + "-pe");
  }

  /**
   * The zone a new zone group should use: an existing one (by id) or the name in the VNet's group.
   */
  private String zoneForFix(ResourceId vnet, RegistryFacts r) {
    return zones.zones().stream()
        .filter(z -> z.name().equalsIgnoreCase(Fixes.ZONE))
        .filter(z -> z.linkedVirtualNetworks().contains(vnet))
        .map(z -> z.id().toString())
        .findFirst()
        .orElse(Fixes.ZONE);
  }
}
