package dev.moat.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.fabric.topology.EndpointAddressView;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.PrivateZoneInventory;
import dev.moat.fabric.topology.PrivateZoneView;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The topology page's data: every resource group, virtual network, private endpoint address,
 * private DNS zone, registry, identity (with its role assignments) and cluster (with its nodes),
 * read from the same inventories the fabric and the doctor use.
 */
public final class Topology {
  private final ArmReader arm;
  private final NetworkInventory network;
  private final PrivateZoneInventory zones;
  private final RegistryCatalog registries;
  private final List<String> subscriptions;

  public Topology(
      ArmReader arm,
      NetworkInventory network,
      PrivateZoneInventory zones,
      RegistryCatalog registries,
      List<String> subscriptions) {
    this.arm = arm;
    this.network = network;
    this.zones = zones;
    this.registries = registries;
    this.subscriptions = List.copyOf(subscriptions);
  }

  /** The page's model. */
  public record Model(
      List<String> groups,
      List<Vnet> vnets,
      List<Address> addresses,
      List<Zone> zones,
      List<Registry> registries,
      List<Identity> identities,
      List<Cluster> clusters) {}

  public record Vnet(
      String id, String name, String group, List<String> prefixes, List<Subnet> subnets) {}

  public record Subnet(
      String id, String name, List<String> prefixes, boolean defaultOutboundAccess) {}

  public record Address(
      String nic, String subnet, String ip, String target, String member, List<String> fqdns) {}

  public record Zone(
      String id, String name, String group, List<String> links, List<Record> records) {}

  public record Record(String name, List<String> ips) {}

  public record Registry(
      String id,
      String name,
      String group,
      String loginServer,
      String sku,
      boolean publicNetworkAccess,
      boolean anonymousPull,
      List<String> dataEndpoints,
      List<String> cacheRules) {}

  public record Identity(
      String id, String name, String group, String principalId, List<String> assignments) {}

  public record Cluster(
      String id,
      String name,
      String group,
      String artifactSource,
      String registry,
      String outboundType,
      boolean privateCluster,
      String state,
      List<Node> nodes) {}

  public record Node(String name, String pool, String address, String state, String detail) {}

  public Model read() {
    TreeSet<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<Vnet> vnets = new ArrayList<>();
    network
        .virtualNetworks()
        .forEach(
            v -> {
              group(v.id()).ifPresent(groups::add);
              vnets.add(
                  new Vnet(
                      v.id().toString(),
                      v.id().name(),
                      group(v.id()).orElse(""),
                      v.addressPrefixes(),
                      v.subnets().stream()
                          .map(
                              s ->
                                  new Subnet(
                                      s.id().toString(),
                                      s.id().name(),
                                      s.addressPrefixes(),
                                      s.defaultOutboundAccess()))
                          .toList()));
            });
    List<Address> addresses = new ArrayList<>();
    for (EndpointAddressView e : network.endpointAddresses()) {
      addresses.add(
          new Address(
              e.nic().toString(),
              e.subnet().toString(),
              e.ipAddress(),
              e.target() == null ? null : e.target().toString(),
              e.memberName(),
              e.fqdns()));
    }
    List<Zone> zoneModels = new ArrayList<>();
    for (PrivateZoneView z : zones.zones()) {
      group(z.id()).ifPresent(groups::add);
      zoneModels.add(
          new Zone(
              z.id().toString(),
              z.name(),
              group(z.id()).orElse(""),
              z.linkedVirtualNetworks().stream().map(Object::toString).toList(),
              z.aRecords().stream()
                  .map(a -> new Record(a.relativeName(), a.ipv4Addresses()))
                  .toList()));
    }
    List<Registry> regs = new ArrayList<>();
    registries
        .all()
        .forEach(
            r -> {
              group(r.id()).ifPresent(groups::add);
              regs.add(
                  new Registry(
                      r.id().toString(),
                      r.name(),
                      group(r.id()).orElse(""),
                      r.loginServer(),
                      r.sku(),
                      r.publicNetworkAccess(),
                      r.anonymousPull(),
                      r.dataEndpoints(),
                      r.cacheRules().stream()
                          .map(
                              c ->
                                  c.name()
                                      + ": "
                                      + c.sourceRepository()
                                      + " → "
                                      + c.targetRepository())
                          .toList()));
            });
    List<Identity> ids = new ArrayList<>();
    List<Cluster> clusters = new ArrayList<>();
    for (String sub : subscriptions) {
      ResourceId subscription = ResourceId.subscription(sub);
      List<JsonNode> assignments =
          arm.list(
              subscription, "Microsoft.Authorization/roleAssignments", ArmReader.AUTHORIZATION);
      for (JsonNode i :
          arm.list(
              subscription,
              "Microsoft.ManagedIdentity/userAssignedIdentities",
              ArmReader.IDENTITY)) {
        ResourceId id = ResourceId.parse(i.path("id").asText());
        group(id).ifPresent(groups::add);
        String principal = i.path("properties").path("principalId").asText();
        List<String> roles = new ArrayList<>();
        for (JsonNode a : assignments) {
          JsonNode p = a.path("properties");
          if (principal.equalsIgnoreCase(p.path("principalId").asText())) {
            String role = p.path("roleDefinitionId").asText();
            roles.add(
                roleName(role.substring(role.lastIndexOf('/') + 1))
                    + " at "
                    + shortScope(p.path("scope").asText()));
          }
        }
        ids.add(new Identity(id.toString(), id.name(), group(id).orElse(""), principal, roles));
      }
      for (JsonNode c :
          arm.list(
              subscription, "Microsoft.ContainerService/managedClusters", ArmReader.CLUSTERS)) {
        clusters.add(cluster(c, groups));
      }
    }
    return new Model(List.copyOf(groups), vnets, addresses, zoneModels, regs, ids, clusters);
  }

  private Cluster cluster(JsonNode c, TreeSet<String> groups) {
    ResourceId id = ResourceId.parse(c.path("id").asText());
    group(id).ifPresent(groups::add);
    JsonNode p = c.path("properties");
    List<Node> nodes = new ArrayList<>();
    for (JsonNode pool : p.path("agentPoolProfiles")) {
      ResourceId poolId = id.child("agentPools", pool.path("name").asText());
      for (JsonNode m :
          arm.list(
              poolId,
              "Microsoft.ContainerService/managedClusters/agentPools/machines",
              ArmReader.CLUSTERS)) {
        JsonNode moat = m.path("properties").path("moat");
        String detail =
            moat.hasNonNull("exitCode")
                ? "exit status="
                    + moat.path("exitCode").asText()
                    + " "
                    + moat.path("exitName").asText()
                    + ": "
                    + moat.path("message").asText()
                : "";
        nodes.add(
            new Node(
                m.path("name").asText(),
                poolId.name(),
                moat.path("address").asText(),
                moat.path("state").asText(),
                detail));
      }
    }
    JsonNode b = p.path("bootstrapProfile");
    return new Cluster(
        id.toString(),
        id.name(),
        group(id).orElse(""),
        b.path("artifactSource").asText("Direct"),
        b.path("containerRegistryId").asText(null),
        p.path("networkProfile").path("outboundType").asText(),
        p.path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean(false),
        p.path("provisioningState").asText(),
        nodes);
  }

  static String roleName(String guid) {
    return switch (guid) {
      case "7f951dda-4ed3-4680-a7ca-43fe172d538d" -> "AcrPull";
      case "4d97b98b-1d4f-4787-a291-c67834d212e7" -> "Network Contributor";
      case "b24988ac-6180-42a0-ab88-20f7382dd24c" -> "Contributor";
      case "8e3af657-a8ff-443c-a75c-2fe8c4bcb635" -> "Owner";
      default -> guid;
    };
  }

  private static String shortScope(String scope) {
    return ResourceId.tryParse(scope)
        .map(id -> id.isSubscription() ? "subscription" : id.type().leaf() + " " + id.name())
        .orElse(scope);
  }

  private static Optional<String> group(ResourceId id) {
    return id.resourceGroup();
  }
}
