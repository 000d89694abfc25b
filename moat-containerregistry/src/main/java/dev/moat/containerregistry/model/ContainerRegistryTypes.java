package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceType;

/** The resource types of {@code Microsoft.ContainerRegistry} that Moat serves. */
public final class ContainerRegistryTypes {
  public static final String NAMESPACE = "Microsoft.ContainerRegistry";
  public static final ResourceType REGISTRY = ResourceType.of(NAMESPACE + "/registries");
  public static final ResourceType CACHE_RULE = REGISTRY.child("cacheRules");
  public static final ResourceType CREDENTIAL_SET = REGISTRY.child("credentialSets");
  public static final ResourceType PRIVATE_LINK_RESOURCE = REGISTRY.child("privateLinkResources");
  public static final ResourceType PRIVATE_ENDPOINT_CONNECTION =
      REGISTRY.child("privateEndpointConnections");
  public static final ResourceType CHECK_NAME_AVAILABILITY =
      ResourceType.of(NAMESPACE + "/checkNameAvailability");

  private ContainerRegistryTypes() {}
}
