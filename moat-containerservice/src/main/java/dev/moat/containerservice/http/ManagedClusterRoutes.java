package dev.moat.containerservice.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.containerservice.model.ContainerServiceTypes;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.service.ClusterService;
import dev.moat.containerservice.service.Kubeconfigs;
import dev.moat.containerservice.validation.AksValidationErrors;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HTTP operations of {@code managedClusters} and their credential actions. */
public final class ManagedClusterRoutes implements ResourceHandlers.Patchable {
  private final ClusterService service;
  private final Kubeconfigs kubeconfigs;
  private final ManagedIdentities identities;
  private final LongRunningOperations lro;

  public ManagedClusterRoutes(
      ClusterService service,
      Kubeconfigs kubeconfigs,
      ManagedIdentities identities,
      LongRunningOperations lro) {
    this.service = service;
    this.kubeconfigs = kubeconfigs;
    this.identities = identities;
    this.lro = lro;
  }

  public List<ArmOperation> operations() {
    List<ArmOperation> ops = new ArrayList<>();
    ops.addAll(
        OperationTableBuilder.forType(
                ContainerServiceTypes.MANAGED_CLUSTER, ApiVersions.MANAGED_CLUSTERS)
            .validatedBy(AksValidationErrors.INSTANCE)
            .resource(this)
            .action("listClusterUserCredential", r -> credentials(r, "clusterUser"))
            .action("listClusterAdminCredential", r -> credentials(r, "clusterAdmin"))
            .build());
    return ops;
  }

  /** The cluster as ARM shows it: the typed view with its pass-through properties merged in. */
  JsonNode view(ManagedCluster c) {
    return ClusterView.json(c, service.pools(c.id()), service.currentVersion(c), identities);
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    ClusterWire.ClusterIn body = request.body(ClusterWire.ClusterIn.class);
    ResourceId id = request.id();
    EtagConditions.check(request, service.find(id).map(ManagedCluster::etag));
    ClusterService.Written w =
        service.createOrUpdate(
            id, ClusterRequestMapper.map(id, body, request.bodyTree(), service.find(id)));
    return ArmResponse.createdOrOk(w.created(), view(w.cluster()))
        .withHeaders(lro.pollingHeaders(request, w.operation(), w.cluster().location()));
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(view(service.get(request.id())));
  }

  @Override
  public ArmResponse patch(ArmRequest request) {
    ClusterWire.TagsIn body = request.body(ClusterWire.TagsIn.class);
    return ArmResponse.ok(view(service.updateTags(request.id(), body.tags())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    return service
        .beginDelete(request.id())
        .map(
            w ->
                ArmResponse.accepted()
                    .withHeaders(
                        lro.pollingHeaders(request, w.operation(), w.cluster().location())))
        .orElse(ArmResponse.noContent());
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(service.listIn(request.parent()), this::view);
  }

  private ArmResponse credentials(ArmRequest request, String role) {
    ManagedCluster c = service.get(request.parent());
    return ArmResponse.ok(
        Map.of(
            "kubeconfigs",
            List.of(
                Map.of(
                    "name",
                    role,
                    "value",
                    kubeconfigs.kubeconfig(c, request.caller(), role, request.baseUri())))));
  }
}
