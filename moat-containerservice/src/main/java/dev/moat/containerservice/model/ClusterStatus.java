package dev.moat.containerservice.model;

import dev.moat.platform.id.ResourceId;
import java.time.Instant;

/**
 * What the reconciler observed and created for a cluster.
 *
 * @param since when the current operation was accepted (the provisioning delay counts from it)
 * @param fqdnHash the 8 hex digits of {@code {dnsPrefix}-{hash}.hcp.{region}.azmk8s.io}
 * @param systemPrincipalId the SystemAssigned identity's object id, else null
 * @param kubelet the kubelet identity in use, once known
 * @param managedSubnet the subnet of the AKS-managed VNet, for pools without {@code vnetSubnetID}
 * @param managedRegistry the AKS-managed bootstrap registry, or null
 * @param privateZone the private DNS zone holding the API server's record, or null
 * @param apiServerAddress the API server's private address, or null for public clusters
 */
public record ClusterStatus(
    ProvisioningState provisioningState,
    Instant since,
    String fqdnHash,
    String resourceUid,
    String systemPrincipalId,
    String tenantId,
    Kubelet kubelet,
    ResourceId managedSubnet,
    ResourceId managedRegistry,
    String managedRegistryLoginServer,
    ResourceId privateZone,
    String privateZoneName,
    String apiServerAddress) {

  /** {@code identityProfile.kubeletidentity}. */
  public record Kubelet(ResourceId resourceId, String clientId, String objectId) {}

  public ClusterStatus with(ProvisioningState state, Instant at) {
    return new ClusterStatus(
        state,
        at,
        fqdnHash,
        resourceUid,
        systemPrincipalId,
        tenantId,
        kubelet,
        managedSubnet,
        managedRegistry,
        managedRegistryLoginServer,
        privateZone,
        privateZoneName,
        apiServerAddress);
  }

  public ClusterStatus withState(ProvisioningState state) {
    return with(state, since);
  }

  public ClusterStatus withInfrastructure(
      Kubelet newKubelet,
      ResourceId subnet,
      ResourceId registry,
      String loginServer,
      ResourceId zone,
      String zoneName,
      String apiAddress) {
    return new ClusterStatus(
        provisioningState,
        since,
        fqdnHash,
        resourceUid,
        systemPrincipalId,
        tenantId,
        newKubelet,
        subnet,
        registry,
        loginServer,
        zone,
        zoneName,
        apiAddress);
  }
}
