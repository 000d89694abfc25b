package dev.moat.containerservice.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.Naming;
import dev.moat.platform.contracts.SubnetAddresses;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.json.Json;
import java.util.List;
import java.util.Map;

/**
 * The API server's private address. Private-link mode (PRIV1–2): an address in the first pool's
 * subnet serving the private FQDN, and an A record in the private zone ({@code system}: {@code
 * <guid>.privatelink.<region>.azmk8s.io} in the node resource group; a custom zone id; or none)
 * linked to the cluster VNet, so the name resolves only inside. VNet integration (VNI1): an address
 * in the delegated API-server subnet (or, with a managed VNet, in its node subnet [EMU]).
 */
public final class PrivateApiServer {
  private final RpArm arm;
  private static final String DELEGATION = "Microsoft.ContainerService/managedClusters";
  private final SubnetAddresses addresses;

  public PrivateApiServer(RpArm arm, SubnetAddresses addresses) {
    this.arm = arm;
    this.addresses = addresses;
  }

  /**
   * AKS delegates a BYO API-server subnet to itself when it is not yet (which is why the cluster
   * identity needs Network Contributor on it, VNI2); validation has already refused a subnet
   * delegated to another service.
   */
  private void delegate(ResourceId subnet) {
    JsonNode current = arm.get(subnet, RpArm.NETWORK).orElseThrow();
    for (JsonNode d : current.path("properties").path("delegations")) {
      if (DELEGATION.equalsIgnoreCase(d.path("properties").path("serviceName").asText())) {
        return;
      }
    }
    ObjectNode properties = ((ObjectNode) current.path("properties").deepCopy());
    ArrayNode delegations = properties.putArray("delegations");
    ObjectNode delegation = delegations.addObject();
    delegation.put("name", "aks-delegation");
    delegation.putObject("properties").put("serviceName", DELEGATION);
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("properties", properties);
    arm.put(subnet, RpArm.NETWORK, body);
  }

  /** What the API server has; all null for a public cluster. */
  public record Result(ResourceId zone, String zoneName, String address) {}

  public Result ensure(
      ManagedCluster c, ResourceId nodeRg, ResourceId firstSubnet, ResourceId managedSubnet) {
    ClusterSpec.ApiServer api = c.spec().apiServer();
    if (api.enableVnetIntegration()) {
      ResourceId subnet = api.subnetId() != null ? api.subnetId() : managedSubnet;
      String name = api.enablePrivateCluster() ? c.privateFqdn() : c.fqdn();
      if (subnet == null) {
        subnet = firstSubnet;
      }
      if (api.subnetId() != null) {
        delegate(api.subnetId());
      }
      String ip = addresses.allocate(subnet, c.id(), 1, List.of(name)).get(0);
      return new Result(null, null, ip);
    }
    if (!api.enablePrivateCluster()) {
      addresses.release(c.id());
      return new Result(null, null, null);
    }
    String mode = api.privateDnsZone() == null ? "system" : api.privateDnsZone();
    ResourceId zone = null;
    String zoneName = null;
    if (mode.equalsIgnoreCase("system")) {
      zoneName = Naming.privateZoneGuid(c.id()) + ".privatelink." + c.location() + ".azmk8s.io";
      zone = ResourceId.parse(nodeRg + "/providers/Microsoft.Network/privateDnsZones/" + zoneName);
      arm.ensure(zone, RpArm.DNS, Map.of("location", "global"));
    } else if (!mode.equalsIgnoreCase("none")) {
      zone = ResourceId.parse(mode);
      zoneName = zone.name();
    }
    ManagedCluster named =
        c.withStatus(
            c.status()
                .withInfrastructure(
                    c.status().kubelet(),
                    c.status().managedSubnet(),
                    c.status().managedRegistry(),
                    c.status().managedRegistryLoginServer(),
                    zone,
                    zoneName,
                    null));
    String fqdn = named.privateFqdn();
    String ip = addresses.allocate(firstSubnet, c.id(), 1, List.of(fqdn)).get(0);
    if (zone != null) {
      ResourceId vnet = firstSubnet.parent().orElseThrow();
      arm.ensure(
          zone.child("virtualNetworkLinks", Naming.hash8(vnet.key()) + "-link"),
          RpArm.DNS,
          Map.of(
              "location",
              "global",
              "properties",
              Map.of(
                  "virtualNetwork", Map.of("id", vnet.toString()), "registrationEnabled", false)));
      String relative = fqdn.substring(0, fqdn.length() - zoneName.length() - 1);
      arm.put(
          zone.child("A", relative),
          RpArm.DNS,
          Map.of("properties", Map.of("ttl", 300, "aRecords", List.of(Map.of("ipv4Address", ip)))));
    }
    return new Result(zone, zoneName, ip);
  }

  /** Frees the address and removes a record AKS wrote into a custom zone. */
  public void remove(ManagedCluster c) {
    addresses.release(c.id());
    ResourceId zone = c.status().privateZone();
    String fqdn = c.privateFqdn();
    if (zone != null
        && fqdn != null
        && !zone.resourceGroupId().orElseThrow().equals(c.nodeResourceGroupId())) {
      String relative = fqdn.substring(0, fqdn.length() - zone.name().length() - 1);
      arm.delete(zone.child("A", relative), RpArm.DNS);
    }
  }
}
