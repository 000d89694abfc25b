package dev.moat.containerservice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ContainerServiceTypes;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.PoolSpec;
import dev.moat.containerservice.service.ClusterService;
import dev.moat.containerservice.service.PoolService;
import dev.moat.containerservice.validation.AksValidationErrors;
import dev.moat.containerservice.validation.PoolAndNetworkRules;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * The HTTP operations of {@code managedClusters/agentPools} and {@code upgradeNodeImageVersion}.
 */
public final class AgentPoolRoutes implements ResourceHandlers {
  private final PoolService pools;
  private final ClusterService clusters;
  private final LongRunningOperations lro;

  public AgentPoolRoutes(PoolService pools, ClusterService clusters, LongRunningOperations lro) {
    this.pools = pools;
    this.clusters = clusters;
    this.lro = lro;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(
            ContainerServiceTypes.AGENT_POOL, ApiVersions.MANAGED_CLUSTERS)
        .validatedBy(AksValidationErrors.INSTANCE)
        .resource(this)
        .action("upgradeNodeImageVersion", this::upgrade)
        .build();
  }

  private JsonNode view(AgentPool p) {
    ManagedCluster c = clusters.get(p.clusterId());
    return PoolView.of(p, clusters.currentVersion(c)).json(p);
  }

  private String location(ResourceId pool) {
    return clusters.get(pool.parent().orElseThrow()).location();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    ClusterWire.AgentPoolIn body = request.body(ClusterWire.AgentPoolIn.class);
    ResourceId id = request.id();
    EtagConditions.check(request, pools.find(id).map(AgentPool::etag));
    ClusterWire.PoolIn in =
        body.properties() != null
            ? body.properties()
            : new ClusterWire.PoolIn(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    PoolSpec spec =
        ClusterRequestMapper.pool(
            in, request.bodyTree().path("properties"), pools.spec(id).orElse(null));
    PoolAndNetworkRules.checkPool(spec);
    PoolService.Written w = pools.put(id, spec);
    return ArmResponse.createdOrOk(w.created(), view(w.pool()))
        .withHeaders(lro.pollingHeaders(request, w.operation(), location(id)));
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(view(pools.get(request.id())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    return pools
        .beginDelete(request.id())
        .map(
            w ->
                ArmResponse.accepted()
                    .withHeaders(
                        lro.pollingHeaders(request, w.operation(), location(request.id()))))
        .orElse(ArmResponse.noContent());
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(pools.list(request.parent()), this::view);
  }

  /** 202 with the pool body (UpgradingNodeImageVersion) and both polling headers. */
  private ArmResponse upgrade(ArmRequest request) {
    ResourceId id = request.parent();
    PoolService.Written w = pools.upgradeNodeImage(id);
    return new ArmResponse(202, view(w.pool()), Map.of())
        .withHeaders(lro.pollingHeaders(request, w.operation(), location(id)));
  }
}
