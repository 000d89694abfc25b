package dev.moat.containerregistry.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.ImportImageParameters;
import dev.moat.containerregistry.model.ImportImageRequest;
import dev.moat.containerregistry.service.ImportImageService;
import dev.moat.containerregistry.service.RegistryReader;
import dev.moat.containerregistry.service.RegistryView;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.containerregistry.validation.ImportImageRules;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.reconcile.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST .../registries/{name}/importImage}: validates the body, starts the copy as a
 * long-running operation and answers {@code 202} with {@code Location} and {@code Retry-After} (no
 * {@code Azure-AsyncOperation}, as the live service answers).
 */
public final class ImportImageRoutes {
  private final ImportImageService service;
  private final RegistryReader reader;
  private final LongRunningOperations lro;

  public ImportImageRoutes(
      ImportImageService service, RegistryReader reader, LongRunningOperations lro) {
    this.service = service;
    this.reader = reader;
    this.lro = lro;
  }

  public List<ArmOperation> operations() {
    List<ArmOperation> ops =
        new java.util.ArrayList<>(
            OperationTableBuilder.forType(ContainerRegistryTypes.REGISTRY, ApiVersions.REGISTRY)
                .action("importImage", this::importImage)
                .build());
    ops.addAll(
        OperationTableBuilder.forType(ImportImageService.IMPORT_OPERATION, ApiVersions.REGISTRY)
            .item("GET", this::result)
            .build());
    return ops;
  }

  /**
   * The final result a finished import's {@code Location} answers: {@code 200} with no body (the
   * action's result is void). Unknown ids are not found.
   */
  private ArmResponse result(ArmRequest request) {
    if (!service.isImport(request.id())) {
      throw CommonError.NOT_FOUND_PATH.exception(request.http().path());
    }
    return ArmResponse.status(200);
  }

  private ArmResponse importImage(ArmRequest request) {
    RegistryView target = reader.get(request.parent());
    ImportImageParameters body = request.body(ImportImageParameters.class);
    if (body == null || body.source() == null) {
      throw ContainerRegistryError.PROPERTY_REQUIRED.exception("source");
    }
    ImportImageRequest validated = new ImportImageRules(reader).validate(target.registry(), body);
    Operation op = service.start(validated);
    Map<String, String> headers = new LinkedHashMap<>();
    lro.pollingHeaders(request, op, target.registry().location())
        .forEach(
            (k, v) -> {
              if (!k.equals("Azure-AsyncOperation")) {
                headers.put(k, v);
              }
            });
    return ArmResponse.accepted().withHeaders(headers);
  }
}
