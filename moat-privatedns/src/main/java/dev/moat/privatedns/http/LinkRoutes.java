package dev.moat.privatedns.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.arm.validation.ArmValidationErrors;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.VirtualNetworkLink;
import dev.moat.privatedns.service.LinkService;
import dev.moat.privatedns.service.LinkSpec;
import dev.moat.privatedns.validation.GlobalLocation;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP operations of {@code privateDnsZones/virtualNetworkLinks}; writes are long-running (202
 * with polling headers), as on Azure.
 */
public final class LinkRoutes implements ResourceHandlers.Patchable {
  private final LinkService service;
  private final LongRunningOperations lro;

  public LinkRoutes(LinkService service, LongRunningOperations lro) {
    this.service = service;
    this.lro = lro;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(PrivateDnsTypes.LINK, PrivateDnsApiVersions.ALL)
        .validatedBy(ArmValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    LinkBodies.Put body = request.body(LinkBodies.Put.class);
    LinkBodies.PutProperties p =
        body.properties() == null
            ? new LinkBodies.PutProperties(null, null, null)
            : body.properties();
    LinkSpec spec =
        new LinkSpec(
            body.location(),
            body.tags(),
            p.virtualNetwork() == null ? null : p.virtualNetwork().id(),
            Boolean.TRUE.equals(p.registrationEnabled()),
            p.resolutionPolicy());
    return accepted(request, service.createOrUpdate(request.id(), spec, Conditions.of(request)));
  }

  /** PATCH merges what the body carries into the stored link, then writes it as a PUT would. */
  @Override
  public ArmResponse patch(ArmRequest request) {
    LinkBodies.Put body = request.body(LinkBodies.Put.class);
    VirtualNetworkLink old = service.get(request.id());
    LinkBodies.PutProperties p = body.properties();
    LinkSpec spec =
        new LinkSpec(
            GlobalLocation.GLOBAL,
            body.tags() == null ? old.tags() : body.tags(),
            p == null || p.virtualNetwork() == null
                ? old.virtualNetwork().toString()
                : p.virtualNetwork().id(),
            p == null || p.registrationEnabled() == null
                ? old.registrationEnabled()
                : p.registrationEnabled(),
            p == null || p.resolutionPolicy() == null
                ? old.resolutionPolicy()
                : p.resolutionPolicy());
    return accepted(request, service.createOrUpdate(request.id(), spec, Conditions.of(request)));
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(LinkBodies.Link.of(service.get(request.id())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    Optional<LinkService.Accepted> accepted =
        service.beginDelete(request.id(), Conditions.of(request));
    return accepted.map(a -> accepted(request, a)).orElseGet(ArmResponse::noContent);
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(service.list(request.parent()), LinkBodies.Link::of);
  }

  private ArmResponse accepted(ArmRequest request, LinkService.Accepted accepted) {
    return ArmResponse.accepted()
        .withHeaders(lro.pollingHeaders(request, accepted.operation(), GlobalLocation.GLOBAL));
  }
}
