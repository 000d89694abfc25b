package dev.moat.network.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.network.model.DnsZoneGroup;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.service.DnsZoneGroupService;
import dev.moat.network.service.Written;
import dev.moat.network.validation.NetworkValidationErrors;
import java.util.List;

/** The HTTP operations of {@code Microsoft.Network/privateEndpoints/privateDnsZoneGroups}. */
public final class DnsZoneGroupRoutes implements ResourceHandlers {
  private final DnsZoneGroupService service;
  private final LroResponses responses;

  public DnsZoneGroupRoutes(DnsZoneGroupService service, LongRunningOperations lro) {
    this.service = service;
    this.responses = new LroResponses(lro);
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(NetworkTypes.DNS_ZONE_GROUP, NetworkApiVersions.ALL)
        .validatedBy(NetworkValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    DnsZoneGroupBodies.In body = request.body(DnsZoneGroupBodies.In.class);
    Written<DnsZoneGroup> written = service.createOrUpdate(request.id(), body.configs());
    return responses.put(
        request,
        written,
        DnsZoneGroupBodies.Out.of(written.value()),
        service.endpoint(written.value().id()).location());
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(DnsZoneGroupBodies.Out.of(service.get(request.id())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    return responses.delete(
        request, service.beginDelete(request.id()), g -> service.endpoint(g.id()).location());
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(service.list(request.parent()), DnsZoneGroupBodies.Out::of);
  }
}
