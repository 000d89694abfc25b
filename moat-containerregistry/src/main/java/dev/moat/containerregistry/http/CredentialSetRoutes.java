package dev.moat.containerregistry.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.CredentialSet;
import dev.moat.containerregistry.service.CredentialSetService;
import dev.moat.containerregistry.service.LroStep;
import dev.moat.containerregistry.service.RegistryReader;
import dev.moat.containerregistry.validation.RegistryValidationErrors;
import java.util.List;
import java.util.Optional;

/** The HTTP operations of {@code Microsoft.ContainerRegistry/registries/credentialSets}. */
public final class CredentialSetRoutes implements ResourceHandlers {
  private final CredentialSetService service;
  private final RegistryReader registries;
  private final LongRunningOperations lro;

  public CredentialSetRoutes(
      CredentialSetService service, RegistryReader registries, LongRunningOperations lro) {
    this.service = service;
    this.registries = registries;
    this.lro = lro;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(ContainerRegistryTypes.CREDENTIAL_SET, ApiVersions.CACHE)
        .validatedBy(RegistryValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    CredentialSetBodies.Put body = request.body(CredentialSetBodies.Put.class);
    CredentialSetBodies.PutProperties p =
        body.properties() != null
            ? body.properties()
            : new CredentialSetBodies.PutProperties(null, null);
    LroStep<CredentialSet> step =
        service.createOrUpdate(
            request.id(),
            p.loginServer(),
            p.authCredentials(),
            body.identity() == null ? null : body.identity().type());
    String location = registries.parentOf(request.id(), "read").location();
    return ArmResponse.createdOrOk(step.created(), CredentialSetBodies.Resource.of(step.resource()))
        .withHeaders(lro.pollingHeaders(request, step.operation(), location));
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(CredentialSetBodies.Resource.of(service.get(request.id())));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    Optional<LroStep<CredentialSet>> step = service.beginDelete(request.id());
    if (step.isEmpty()) {
      return ArmResponse.noContent();
    }
    String location = registries.parentOf(request.id(), "read").location();
    return ArmResponse.accepted()
        .withHeaders(lro.pollingHeaders(request, step.get().operation(), location));
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(service.list(request.parent()), CredentialSetBodies.Resource::of);
  }
}
