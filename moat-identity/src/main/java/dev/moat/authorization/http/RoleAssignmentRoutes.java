package dev.moat.authorization.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.authorization.model.RoleAssignment;
import dev.moat.authorization.model.RoleAssignmentRepository;
import dev.moat.authorization.service.RoleAssignmentService;
import dev.moat.authorization.service.ScopeGuard;
import dev.moat.authorization.validation.AuthorizationValidationErrors;
import java.util.List;
import java.util.Optional;

/** The HTTP operations of {@code Microsoft.Authorization/roleAssignments} at any scope. */
public final class RoleAssignmentRoutes implements ResourceHandlers {
  /**
   * api-versions clients send: SDK for Java 2.57 sends 2022-04-01, az 2.45 2022-04-01 (and older
   * profiles 2015-07-01 / 2018-09-01-preview / 2020-04-01-preview), Bicep samples the previews.
   */
  static final List<String> API_VERSIONS =
      List.of(
          "2015-07-01",
          "2017-10-01-preview",
          "2018-01-01-preview",
          "2018-09-01-preview",
          "2020-03-01-preview",
          "2020-04-01-preview",
          "2020-08-01-preview",
          "2020-10-01-preview",
          "2021-04-01-preview",
          "2022-01-01-preview",
          "2022-04-01");

  private final RoleAssignmentService service;
  private final ScopeGuard scopes;

  public RoleAssignmentRoutes(RoleAssignmentService service, ScopeGuard scopes) {
    this.service = service;
    this.scopes = scopes;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(RoleAssignmentRepository.TYPE, API_VERSIONS)
        .validatedBy(AuthorizationValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    RoleAssignmentBodies.Put body = request.body(RoleAssignmentBodies.Put.class);
    RoleAssignmentService.Written written =
        service.createOrUpdate(request.id(), body.toRequest(), request.caller().objectId());
    return ArmResponse.createdOrOk(
        written.created(), RoleAssignmentBodies.Assignment.of(written.assignment()));
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(RoleAssignmentBodies.Assignment.of(service.get(request.id())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    Optional<RoleAssignment> deleted = service.delete(request.id());
    return deleted
        .map(a -> ArmResponse.ok(RoleAssignmentBodies.Assignment.of(a)))
        .orElseGet(ArmResponse::noContent);
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    AssignmentFilter filter = AssignmentFilter.parse(request.query("$filter"));
    scopes.requireExists(request.parent());
    List<RoleAssignmentBodies.Assignment> value =
        service.list(request.parent(), filter.atScopeOnly()).stream()
            .filter(filter.principalPredicate())
            .map(RoleAssignmentBodies.Assignment::of)
            .toList();
    return ArmResponse.page(value);
  }
}
