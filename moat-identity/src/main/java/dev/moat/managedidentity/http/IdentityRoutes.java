package dev.moat.managedidentity.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.managedidentity.model.IdentityRepository;
import dev.moat.managedidentity.service.IdentityService;
import dev.moat.managedidentity.validation.IdentityValidationErrors;
import java.util.List;

/** The HTTP operations of {@code Microsoft.ManagedIdentity/userAssignedIdentities}. */
public final class IdentityRoutes implements ResourceHandlers.Patchable {
  /**
   * api-versions clients send: SDK for Java 2.57 (msi 2.53.5) 2024-11-30; az 2.45
   * 2022-01-31-preview (older profiles 2015-08-31-preview / 2018-11-30); az 2.7x 2023-01-31.
   */
  static final List<String> API_VERSIONS =
      List.of(
          "2015-08-31-preview",
          "2018-11-30",
          "2021-09-30-preview",
          "2022-01-31-preview",
          "2023-01-31",
          "2023-07-31-preview",
          "2024-11-30",
          "2025-01-31-preview",
          "2025-05-31-preview");

  private final IdentityService service;

  public IdentityRoutes(IdentityService service) {
    this.service = service;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(IdentityRepository.TYPE, API_VERSIONS)
        .validatedBy(IdentityValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    IdentityBodies.Put body = request.body(IdentityBodies.Put.class);
    IdentityService.Written written =
        service.createOrUpdate(request.id(), body.location(), body.tags(), body.isolationScope());
    return ArmResponse.createdOrOk(
        written.created(), IdentityBodies.Identity.of(written.identity()));
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(IdentityBodies.Identity.of(service.get(request.id())));
  }

  @Override
  public ArmResponse patch(ArmRequest request) {
    IdentityBodies.Patch body = request.body(IdentityBodies.Patch.class);
    return ArmResponse.ok(
        IdentityBodies.Identity.of(
            service.update(request.id(), body.tags(), body.isolationScope())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    return service.delete(request.id()) ? ArmResponse.ok(null) : ArmResponse.noContent();
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(service.listIn(request.parent()), IdentityBodies.Identity::of);
  }
}
