package dev.moat.network.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.service.PrivateEndpointService;
import dev.moat.network.service.Written;
import dev.moat.network.validation.NetworkValidationErrors;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.id.ResourceId;
import java.util.List;

/** The HTTP operations of {@code Microsoft.Network/privateEndpoints}. */
public final class PrivateEndpointRoutes implements ResourceHandlers.Patchable {
  private final PrivateEndpointService service;
  private final ResourceGroups groups;
  private final LroResponses responses;

  public PrivateEndpointRoutes(
      PrivateEndpointService service, ResourceGroups groups, LongRunningOperations lro) {
    this.service = service;
    this.groups = groups;
    this.responses = new LroResponses(lro);
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(NetworkTypes.PRIVATE_ENDPOINT, NetworkApiVersions.ALL)
        .validatedBy(NetworkValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    PrivateEndpointBodies.In body = request.body(PrivateEndpointBodies.In.class);
    Written<PrivateEndpoint> written =
        service.createOrUpdate(request.id(), body.spec(request.id().name()));
    return responses.put(request, written, render(written.value()), written.value().location());
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(render(service.get(request.id())));
  }

  @Override
  public ArmResponse patch(ArmRequest request) {
    PrivateEndpointBodies.TagsIn body = request.body(PrivateEndpointBodies.TagsIn.class);
    return ArmResponse.ok(render(service.updateTags(request.id(), body.tags())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    return responses.delete(request, service.beginDelete(request.id()), PrivateEndpoint::location);
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    ResourceId parent = request.parent();
    if (parent.isResourceGroup()) {
      groups.requireActive(parent);
    }
    return ArmResponse.page(service.listIn(parent), this::render);
  }

  private PrivateEndpointBodies.Out render(PrivateEndpoint pe) {
    return PrivateEndpointBodies.Out.of(pe, service.hasZoneGroup(pe));
  }
}
