package dev.moat.containerregistry.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.service.LroStep;
import dev.moat.containerregistry.service.RegistryReader;
import dev.moat.containerregistry.service.RegistryService;
import dev.moat.containerregistry.service.RegistryView;
import dev.moat.containerregistry.validation.RegistryValidationErrors;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The HTTP operations of {@code Microsoft.ContainerRegistry/registries}. */
public final class RegistryRoutes implements ResourceHandlers.Patchable {
  private final RegistryService service;
  private final RegistryReader reader;
  private final LongRunningOperations lro;
  private final Clock clock;

  public RegistryRoutes(
      RegistryService service, RegistryReader reader, LongRunningOperations lro, Clock clock) {
    this.service = service;
    this.reader = reader;
    this.lro = lro;
    this.clock = clock;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(ContainerRegistryTypes.REGISTRY, ApiVersions.REGISTRY)
        .validatedBy(RegistryValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    RegistryBodies.Put body = request.body(RegistryBodies.Put.class);
    LroStep<RegistryView> step =
        service.createOrReplace(
            request.id(), body.location(), body.tags(), body.spec(clock.instant()));
    return answer(request, step);
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(RegistryBodies.Resource.of(reader.get(request.id())));
  }

  @Override
  public ArmResponse patch(ArmRequest request) {
    RegistryBodies.Patch body = request.body(RegistryBodies.Patch.class);
    return answer(request, service.update(request.id(), body.update()));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    Optional<LroStep<RegistryView>> step = service.beginDelete(request.id());
    if (step.isEmpty()) {
      return ArmResponse.noContent();
    }
    String location = step.get().resource().registry().location();
    return ArmResponse.accepted()
        .withHeaders(lro.pollingHeaders(request, step.get().operation(), location));
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(reader.listIn(request.parent()), RegistryBodies.Resource::of);
  }

  private ArmResponse answer(ArmRequest request, LroStep<RegistryView> step) {
    String location = step.resource().registry().location();
    return ArmResponse.createdOrOk(step.created(), RegistryBodies.Resource.of(step.resource()))
        .withHeaders(lro.pollingHeaders(request, step.operation(), location));
  }
}
