package dev.moat.doctor;

import dev.moat.platform.id.ResourceId;

/** The az commands the doctor prints, values filled in (no placeholders). */
final class Fixes {
  static final String ZONE = "privatelink.azurecr.io";
  static final String ACR_PULL_ACTION = "Microsoft.ContainerRegistry/registries/pull/read";
  static final String JOIN_ACTION = "Microsoft.Network/virtualNetworks/subnets/join/action";

  private Fixes() {}

  static String addRecord(ResourceId zone, String recordName, String ip) {
    return "az network private-dns record-set a add-record -g "
        + group(zone)
        + " -z "
        + zone.name()
        + " -n "
        + recordName
        + " -a "
        + ip;
  }

  static String removeRecord(ResourceId zone, String recordName, String ip) {
    return "az network private-dns record-set a remove-record -g "
        + group(zone)
        + " -z "
        + zone.name()
        + " -n "
        + recordName
        + " -a "
        + ip
        + " --keep-empty-record-set";
  }

  static String linkZone(ResourceId zone, ResourceId vnet) {
    return "az network private-dns link vnet create -g "
        + group(zone)
        + " -z "
        + zone.name()
        + " -n "
        + vnet.name()
        + "-link -v "
        + vnet
        + " -e false";
  }

  static String createZone(String group) {
    return "az network private-dns zone create -g " + group + " -n " + ZONE;
  }

  static String linkNewZone(String group, ResourceId vnet) {
    return "az network private-dns link vnet create -g "
        + group
        + " -z "
        + ZONE
        + " -n "
        + vnet.name()
        + "-link -v "
        + vnet
        + " -e false";
  }

  static String zoneGroup(ResourceId endpoint, String zoneGroupZone) {
    return "az network private-endpoint dns-zone-group create -g "
        + group(endpoint)
        + " --endpoint-name "
        + endpoint.name()
        + " -n default --private-dns-zone "
        + zoneGroupZone
        + " --zone-name registry";
  }

  static String createEndpoint(ResourceId registry, ResourceId subnet) {
    ResourceId vnet = subnet.parent().orElseThrow();
    return "az network private-endpoint create --name "
        + registry.name()
        + "-pe --resource-group "
        + group(vnet)
        + " --vnet-name "
        + vnet.name()
        + " --subnet "
        + subnet.name()
        + " --private-connection-resource-id "
        + registry
        + " --group-id registry --connection-name "
        + registry.name()
        + "-connection";
  }

  static String acrPull(ResourceId registry, String principalId) {
    return "az role assignment create --role AcrPull --scope "
        + registry
        + " --assignee-object-id "
        + principalId
        + " --assignee-principal-type ServicePrincipal";
  }

  static String networkContributor(ResourceId subnet, String principalId) {
    return "az role assignment create --scope "
        + subnet
        + " --role \"Network Contributor\" --assignee-object-id "
        + principalId
        + " --assignee-principal-type ServicePrincipal";
  }

  static String createCacheRule(ResourceId registry) {
    return "az acr cache create -n aks-managed-mcr -r "
        + registry.name()
        + " -g "
        + group(registry)
        + " --source-repo \"mcr.microsoft.com/*\" --target-repo \"aks-managed-repository/*\"";
  }

  static String deleteCacheRule(ResourceId registry, String rule) {
    return "az acr cache delete -n "
        + rule
        + " -r "
        + registry.name()
        + " -g "
        + group(registry)
        + " --yes";
  }

  static String reconcile(ClusterPlan c) {
    return "az aks update -g " + c.group() + " -n " + c.name();
  }

  static String reimage(ClusterPlan c) {
    return "az aks upgrade -g " + c.group() + " -n " + c.name() + " --node-image-only --yes";
  }

  static String isolate(ClusterPlan c) {
    return "az aks update -g "
        + c.group()
        + " -n "
        + c.name()
        + " --bootstrap-artifact-source Cache --outbound-type none";
  }

  static String group(ResourceId id) {
    return id.resourceGroup().orElseThrow();
  }
}
