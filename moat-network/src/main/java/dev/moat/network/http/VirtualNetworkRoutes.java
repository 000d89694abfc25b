package dev.moat.network.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.VirtualNetwork;
import dev.moat.network.service.SubnetUsage;
import dev.moat.network.service.VirtualNetworkService;
import dev.moat.network.service.Written;
import dev.moat.network.validation.NetworkValidationErrors;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.id.ResourceId;
import java.util.List;

/** The HTTP operations of {@code Microsoft.Network/virtualNetworks}. */
public final class VirtualNetworkRoutes implements ResourceHandlers.Patchable {
  private final VirtualNetworkService service;
  private final NetworkStore store;
  private final SubnetUsage usage;
  private final ResourceGroups groups;
  private final LroResponses responses;

  public VirtualNetworkRoutes(
      VirtualNetworkService service,
      NetworkStore store,
      SubnetUsage usage,
      ResourceGroups groups,
      dev.moat.arm.lro.LongRunningOperations lro) {
    this.service = service;
    this.store = store;
    this.usage = usage;
    this.groups = groups;
    this.responses = new LroResponses(lro);
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(NetworkTypes.VIRTUAL_NETWORK, NetworkApiVersions.ALL)
        .validatedBy(NetworkValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    VirtualNetworkBodies.In body = request.body(VirtualNetworkBodies.In.class);
    Written<VirtualNetwork> written = service.createOrUpdate(request.id(), body.spec());
    return responses.put(request, written, render(written.value()), written.value().location());
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(render(service.get(request.id())));
  }

  @Override
  public ArmResponse patch(ArmRequest request) {
    VirtualNetworkBodies.TagsIn body = request.body(VirtualNetworkBodies.TagsIn.class);
    return ArmResponse.ok(render(service.updateTags(request.id(), body.tags())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    return responses.delete(request, service.beginDelete(request.id()), VirtualNetwork::location);
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    ResourceId parent = request.parent();
    if (parent.isResourceGroup()) {
      groups.requireActive(parent);
    }
    return ArmResponse.page(service.listIn(parent), this::render);
  }

  private VirtualNetworkBodies.Out render(VirtualNetwork v) {
    return VirtualNetworkBodies.Out.of(v, store.subnets().listChildren(v.id()), usage);
  }
}
