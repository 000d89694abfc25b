package dev.moat.containerregistry.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.Registry;
import dev.moat.containerregistry.service.RegistryPrivateLinkTargets;
import dev.moat.containerregistry.service.RegistryReader;
import dev.moat.platform.contracts.PrivateLinkTargets.Member;
import dev.moat.platform.contracts.PrivateLinkTargets.PrivateLinkResource;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * {@code GET registries/{r}/privateLinkResources[/{groupName}]}
 * (RegistryListPrivateLinkResources.json). Listed for every SKU, as the API does; only connecting
 * needs Premium.
 */
public final class PrivateLinkResourceRoutes {
  private final RegistryReader registries;

  public PrivateLinkResourceRoutes(RegistryReader registries) {
    this.registries = registries;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(
            ContainerRegistryTypes.PRIVATE_LINK_RESOURCE, ApiVersions.REGISTRY)
        .item("GET", this::get)
        .collection("GET", this::list)
        .build();
  }

  private ArmResponse list(ArmRequest request) {
    Registry registry = registries.get(request.parent()).registry();
    return ArmResponse.page(List.of(Body.of(registry)));
  }

  private ArmResponse get(ArmRequest request) {
    ResourceId id = request.id();
    Registry registry = registries.parentOf(id, "read");
    if (!id.name().equalsIgnoreCase(RegistryPrivateLinkTargets.GROUP_ID)) {
      // [EMU] the RP's wording for an unknown group is unpublished; ARM's not-found is used.
      throw CommonError.RESOURCE_NOT_FOUND.exception(
          ContainerRegistryTypes.NAMESPACE
              + "/registries/"
              + registry.id().name()
              + "/privateLinkResources/"
              + id.name(),
          id.resourceGroup().orElse(""));
    }
    return ArmResponse.ok(Body.of(registry));
  }

  /** One private link resource. */
  record Body(String id, String name, String type, Properties properties) {
    static Body of(Registry registry) {
      PrivateLinkResource r = RegistryPrivateLinkTargets.resourceOf(registry);
      return new Body(
          registry
              .id()
              .child("privateLinkResources", RegistryPrivateLinkTargets.GROUP_ID)
              .toString(),
          r.groupId(),
          ContainerRegistryTypes.PRIVATE_LINK_RESOURCE.value(),
          new Properties(
              r.groupId(),
              r.members().stream().map(Member::requiredMemberName).toList(),
              r.requiredZoneNames()));
    }
  }

  /** {@code properties}. */
  record Properties(String groupId, List<String> requiredMembers, List<String> requiredZoneNames) {}
}
