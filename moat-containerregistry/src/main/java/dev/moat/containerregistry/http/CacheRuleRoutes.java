package dev.moat.containerregistry.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceHandlers;
import dev.moat.containerregistry.model.CacheRule;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.service.CacheRuleService;
import dev.moat.containerregistry.service.LroStep;
import dev.moat.containerregistry.service.RegistryReader;
import dev.moat.containerregistry.validation.RegistryValidationErrors;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** The HTTP operations of {@code Microsoft.ContainerRegistry/registries/cacheRules}. */
public final class CacheRuleRoutes implements ResourceHandlers.Patchable {
  private final CacheRuleService service;
  private final RegistryReader registries;
  private final LongRunningOperations lro;

  public CacheRuleRoutes(
      CacheRuleService service, RegistryReader registries, LongRunningOperations lro) {
    this.service = service;
    this.registries = registries;
    this.lro = lro;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(ContainerRegistryTypes.CACHE_RULE, ApiVersions.CACHE)
        .validatedBy(RegistryValidationErrors.INSTANCE)
        .resource(this)
        .build();
  }

  @Override
  public ArmResponse put(ArmRequest request) {
    CacheRuleBodies.Put body = request.body(CacheRuleBodies.Put.class);
    CacheRuleBodies.PutProperties p =
        body.properties() != null
            ? body.properties()
            : new CacheRuleBodies.PutProperties(null, null, null);
    LroStep<CacheRule> step =
        service.createOrUpdate(
            request.id(),
            p.sourceRepository(),
            p.targetRepository(),
            credentialSet(p.credentialSetResourceId()).orElse(null));
    return answer(request, step);
  }

  @Override
  public ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(CacheRuleBodies.Resource.of(service.get(request.id())));
  }

  /** Only {@code properties.credentialSetResourceId} is updatable; null or "" removes it. */
  @Override
  public ArmResponse patch(ArmRequest request) {
    JsonNode props = request.bodyTree().path("properties");
    Optional<Optional<ResourceId>> change = Optional.empty();
    if (props.has("credentialSetResourceId")) {
      JsonNode value = props.get("credentialSetResourceId");
      if (!value.isNull() && !value.isTextual()) {
        throw CommonError.INVALID_REQUEST_CONTENT
            .exception("Unexpected value or type at path 'properties.credentialSetResourceId'")
            .withTarget("properties.credentialSetResourceId");
      }
      change = Optional.of(credentialSet(value.isNull() ? null : value.asText()));
    }
    return answer(request, service.updateCredentialSet(request.id(), change));
  }

  @Override
  public ArmResponse delete(ArmRequest request) {
    Optional<LroStep<CacheRule>> step = service.beginDelete(request.id());
    if (step.isEmpty()) {
      return ArmResponse.noContent();
    }
    return ArmResponse.accepted()
        .withHeaders(lro.pollingHeaders(request, step.get().operation(), location(request.id())));
  }

  @Override
  public ArmResponse list(ArmRequest request) {
    return ArmResponse.page(service.list(request.parent()), CacheRuleBodies.Resource::of);
  }

  private ArmResponse answer(ArmRequest request, LroStep<CacheRule> step) {
    return ArmResponse.createdOrOk(step.created(), CacheRuleBodies.Resource.of(step.resource()))
        .withHeaders(lro.pollingHeaders(request, step.operation(), location(request.id())));
  }

  private String location(ResourceId child) {
    return registries.parentOf(child, "read").location();
  }

  private static Optional<ResourceId> credentialSet(String id) {
    return id == null || id.isEmpty() ? Optional.empty() : Optional.of(ResourceId.parse(id));
  }
}
