package dev.moat.containerservice.validation;

import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.PoolSpec;
import dev.moat.platform.contracts.Authorizer;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.id.ResourceId;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of a cluster PUT that read other resources: the BYO registry (BYO1), identities, node
 * subnets, and the API-server subnet of VNet integration (VNI2: delegated, at least /28, Network
 * Contributor for the control-plane identity).
 */
public final class ReferenceRules {
  static final String DELEGATION = "Microsoft.ContainerService/managedClusters";
  static final String JOIN_ACTION = "Microsoft.Network/virtualNetworks/subnets/join/action";

  private final References references;
  private final ManagedIdentities identities;
  private final Authorizer authorizer;

  public ReferenceRules(
      References references, ManagedIdentities identities, Authorizer authorizer) {
    this.references = references;
    this.identities = identities;
    this.authorizer = authorizer;
  }

  /** Throws the first rule the request breaks; reads only. */
  public void validate(ResourceId cluster, ClusterSpec spec, Map<String, PoolSpec> pools) {
    ResourceId registry = spec.bootstrap().containerRegistryId();
    if (registry != null) {
      String sku =
          references
              .registrySku(registry)
              .orElseThrow(() -> ContainerServiceError.REGISTRY_NOT_FOUND.exception(registry));
      if (!"Premium".equalsIgnoreCase(sku)) {
        throw ContainerServiceError.REGISTRY_NOT_PREMIUM.exception(registry, sku);
      }
    }
    Optional<ManagedIdentities.Identity> controlPlane = Optional.empty();
    for (ResourceId id : spec.identity().userAssigned()) {
      ManagedIdentities.Identity identity =
          identities
              .find(id)
              .orElseThrow(
                  () -> ContainerServiceError.IDENTITY_NOT_FOUND.exception(id, "identity"));
      controlPlane = Optional.of(identity);
    }
    if (spec.kubeletIdentity() != null && identities.find(spec.kubeletIdentity()).isEmpty()) {
      throw ContainerServiceError.IDENTITY_NOT_FOUND.exception(
          spec.kubeletIdentity(), "identityProfile.kubeletidentity");
    }
    boolean byoVnet = false;
    for (Map.Entry<String, PoolSpec> e : pools.entrySet()) {
      ResourceId subnet = e.getValue().vnetSubnetId();
      if (subnet == null) {
        continue;
      }
      byoVnet = true;
      References.SubnetInfo info =
          references
              .subnet(subnet)
              .orElseThrow(
                  () ->
                      ContainerServiceError.SUBNET_NOT_FOUND.exception(
                          subnet, "agentPoolProfile '" + e.getKey() + "' vnetSubnetID"));
      if (!info.delegations().isEmpty()) {
        throw ContainerServiceError.NODE_SUBNET_DELEGATED.exception(subnet);
      }
    }
    ClusterSpec.ApiServer api = spec.apiServer();
    if (api.enableVnetIntegration()) {
      if (api.subnetId() == null) {
        if (byoVnet) {
          throw ContainerServiceError.VNI_SUBNET_REQUIRED.exception();
        }
        return;
      }
      References.SubnetInfo info =
          references
              .subnet(api.subnetId())
              .orElseThrow(
                  () ->
                      ContainerServiceError.SUBNET_NOT_FOUND.exception(
                          api.subnetId(), "apiServerAccessProfile.subnetId"));
      // An undelegated subnet is delegated by AKS itself during provisioning (VNI2); one
      // delegated to another service cannot be used.
      if (!info.delegations().isEmpty() && !info.delegatedTo(DELEGATION)) {
        throw ContainerServiceError.SUBNET_NOT_DELEGATED.exception(api.subnetId());
      }
      if (info.prefixLength() > 28) {
        throw ContainerServiceError.SUBNET_TOO_SMALL.exception(
            api.subnetId(), String.join(", ", info.prefixes()));
      }
      if (controlPlane.isPresent()
          && !authorizer.allowed(controlPlane.get().principalId(), JOIN_ACTION, api.subnetId())) {
        // The cluster identity, not the caller, needs Network Contributor on the subnet (VNI2).
        throw ContainerServiceError.LINKED_AUTHORIZATION_FAILED.exception(
            controlPlane.get().clientId(),
            controlPlane.get().principalId(),
            cluster,
            JOIN_ACTION,
            api.subnetId());
      }
    }
  }
}
