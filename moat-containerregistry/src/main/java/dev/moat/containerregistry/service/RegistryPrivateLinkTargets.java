package dev.moat.containerregistry.service;

import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.ProvisioningState;
import dev.moat.containerregistry.model.Registry;
import dev.moat.containerregistry.model.SkuName;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.platform.contracts.PrivateLinkTargets;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * A registry's one private link resource, {@code registry}: the REST endpoint member {@code
 * registry} and the regional data endpoint member {@code registry_data_{location}}, both in the
 * zone {@code privatelink.azurecr.io} (RegistryListPrivateLinkResources.json).
 */
public final class RegistryPrivateLinkTargets implements PrivateLinkTargets {
  public static final String GROUP_ID = "registry";
  public static final String ZONE = "privatelink.azurecr.io";

  private final RegistryReader registries;

  public RegistryPrivateLinkTargets(RegistryReader registries) {
    this.registries = registries;
  }

  @Override
  public Optional<PrivateLinkResource> find(ResourceId target, String groupId) {
    if (!target.type().equals(ContainerRegistryTypes.REGISTRY)) {
      return Optional.empty();
    }
    Optional<RegistryView> view = registries.find(target);
    if (view.isEmpty()
        || view.get().registry().provisioning().state() == ProvisioningState.Deleting) {
      return Optional.empty();
    }
    Registry registry = view.get().registry();
    if (registry.spec().sku() != SkuName.Premium) {
      throw ContainerRegistryError.PRIVATE_ENDPOINT_NOT_SUPPORTED.exception(registry.spec().sku());
    }
    if (!GROUP_ID.equalsIgnoreCase(groupId)) {
      return Optional.empty();
    }
    return Optional.of(resourceOf(registry));
  }

  /** The private link resource of a registry, whatever its SKU (the list API shows it anyway). */
  public static PrivateLinkResource resourceOf(Registry registry) {
    return new PrivateLinkResource(
        registry.id(),
        GROUP_ID,
        List.of(
            new Member("registry", List.of(registry.loginServer())),
            new Member(
                "registry_data_" + registry.location(), List.of(registry.dataEndpointHostName()))),
        List.of(ZONE));
  }
}
