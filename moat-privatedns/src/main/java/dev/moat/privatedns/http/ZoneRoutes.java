package dev.moat.privatedns.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.arm.validation.ArmValidationErrors;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.PrivateZone;
import dev.moat.privatedns.service.ZoneService;
import dev.moat.privatedns.validation.GlobalLocation;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP operations of {@code privateDnsZones}. Writes are long-running, as on Azure: PUT, PATCH
 * and DELETE answer 202 with {@code Azure-AsyncOperation}, {@code Location} and {@code
 * Retry-After}; the final GET shows the result.
 */
public final class ZoneRoutes implements ResourceHandlers.Patchable {
  private final ZoneService service;
  private final LongRunningOperations lro;

  public ZoneRoutes(ZoneService service, LongRunningOperations lro) {
    this.service = service;
    this.lro = lro;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(PrivateDnsTypes.ZONE, PrivateDnsApiVersions.ALL)
        .validatedBy(ArmValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    ZoneBodies.Put body = request.body(ZoneBodies.Put.class);
    ZoneService.Accepted accepted =
        service.createOrUpdate(request.id(), body.location(), body.tags(), Conditions.of(request));
    return accepted(request, accepted);
  }

  @Override
  public ArmResponse patch(ArmRequest request) {
    ZoneBodies.Patch body = request.body(ZoneBodies.Patch.class);
    return accepted(request, service.updateTags(request.id(), body.tags(), Conditions.of(request)));
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(body(service.get(request.id())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    Optional<ZoneService.Accepted> accepted =
        service.beginDelete(request.id(), Conditions.of(request));
    return accepted.map(a -> accepted(request, a)).orElseGet(ArmResponse::noContent);
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(service.list(request.parent()), this::body);
  }

  private ZoneBodies.Zone body(PrivateZone zone) {
    return ZoneBodies.Zone.of(zone, service.counts(zone.id()));
  }

  private ArmResponse accepted(ArmRequest request, ZoneService.Accepted accepted) {
    return ArmResponse.accepted()
        .withHeaders(lro.pollingHeaders(request, accepted.operation(), GlobalLocation.GLOBAL));
  }
}
