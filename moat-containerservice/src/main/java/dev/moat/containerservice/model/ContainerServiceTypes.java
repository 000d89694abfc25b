package dev.moat.containerservice.model;

import dev.moat.platform.id.ResourceType;

/** The resource types of this provider. */
public final class ContainerServiceTypes {
  public static final String NAMESPACE = "Microsoft.ContainerService";
  public static final ResourceType MANAGED_CLUSTER =
      ResourceType.of("Microsoft.ContainerService/managedClusters");
  public static final ResourceType AGENT_POOL = MANAGED_CLUSTER.child("agentPools");
  public static final ResourceType MACHINE = AGENT_POOL.child("machines");

  private ContainerServiceTypes() {}
}
