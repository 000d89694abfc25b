package dev.moat.containerregistry.service;

import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.Registry;
import dev.moat.containerregistry.model.RegistryRepository;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Reads registries with their connections: the one place views are assembled. */
public final class RegistryReader {
  private final RegistryRepository registries;
  private final PrivateEndpointConnections connections;

  public RegistryReader(RegistryRepository registries, PrivateEndpointConnections connections) {
    this.registries = registries;
    this.connections = connections;
  }

  public Optional<RegistryView> find(ResourceId id) {
    return registries.find(id).map(this::view);
  }

  /** The registry, or ARM's {@code ResourceNotFound}. */
  public RegistryView get(ResourceId id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  /**
   * The stored registry that is the parent of a child resource, or {@code ParentResourceNotFound}.
   */
  public Registry parentOf(ResourceId child, String action) {
    ResourceId registryId = child.parent().orElseThrow();
    return registries
        .find(registryId)
        .orElseThrow(
            () ->
                CommonError.PARENT_RESOURCE_NOT_FOUND.exception(
                    action, child.type().typeName(), registryId));
  }

  /** The registries in a resource group, or in the whole subscription. */
  public List<RegistryView> listIn(ResourceId scope) {
    return registries.listIn(scope).stream().map(this::view).toList();
  }

  /** The registry of this (global) name, in any subscription: an indexed lookup. */
  public Optional<RegistryView> findByName(String name) {
    return registries.findByName(name).map(this::view);
  }

  /** Every registry without its connections (which cost a lookup each). */
  public List<Registry> listAllRegistries() {
    return registries.listAll();
  }

  public List<RegistryView> listAll() {
    return registries.listAll().stream().map(this::view).toList();
  }

  public RegistryView view(Registry registry) {
    return new RegistryView(registry, connections.connectionsTo(registry.id()));
  }

  /**
   * ARM's {@code ResourceNotFound} for any ACR resource, naming it as ARM does: {@code
   * Microsoft.ContainerRegistry/registries/r1/cacheRules/c1}.
   */
  static RuntimeException notFound(ResourceId id) {
    StringBuilder name = new StringBuilder(ContainerRegistryTypes.NAMESPACE);
    id.segments().forEach(s -> name.append('/').append(s.type()).append('/').append(s.name()));
    return CommonError.RESOURCE_NOT_FOUND.exception(name, id.resourceGroup().orElse(""));
  }
}
