package dev.moat.network.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.Subnet;
import dev.moat.network.service.SubnetService;
import dev.moat.network.service.SubnetUsage;
import dev.moat.network.service.Written;
import dev.moat.network.validation.NetworkValidationErrors;
import java.util.List;

/** The HTTP operations of {@code Microsoft.Network/virtualNetworks/subnets}. */
public final class SubnetRoutes implements ResourceHandlers {
  private final SubnetService service;
  private final SubnetUsage usage;
  private final LroResponses responses;

  public SubnetRoutes(SubnetService service, SubnetUsage usage, LongRunningOperations lro) {
    this.service = service;
    this.usage = usage;
    this.responses = new LroResponses(lro);
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(NetworkTypes.SUBNET, NetworkApiVersions.ALL)
        .validatedBy(NetworkValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    SubnetBodies.In body = request.body(SubnetBodies.In.class);
    Written<Subnet> written = service.createOrUpdate(request.id(), body.spec(request.id().name()));
    return responses.put(
        request,
        written,
        SubnetBodies.Out.of(written.value(), usage),
        service.network(written.value()).location());
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(SubnetBodies.Out.of(service.get(request.id()), usage));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    return responses.delete(
        request, service.beginDelete(request.id()), s -> service.network(s).location());
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(service.list(request.parent()), s -> SubnetBodies.Out.of(s, usage));
  }
}
