package dev.moat.containerregistry.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.ImportImageRequest;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.platform.error.ArmError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs {@code importImage} as a long-running operation: each import is an operation on its own id
 * under the registry ({@code registries/{name}/importOperations/{guid}}, never served as a
 * resource), handed to the reconcile engine, whose worker does the copy and records the outcome on
 * the operation that {@code Location} polling reads.
 *
 * <p>Pending requests are held in memory: an import interrupted by a restart fails with an internal
 * error on its operation rather than running twice.
 */
public final class ImportImageService implements Reconciler {
  /** The pseudo type of import operations. */
  public static final ResourceType IMPORT_OPERATION =
      ContainerRegistryTypes.REGISTRY.child("importOperations");

  private final LongRunningOperations lro;
  private final ImageImporter importer;
  private final Map<ResourceId, ImportImageRequest> pending = new ConcurrentHashMap<>();
  private final Set<ResourceId> known = ConcurrentHashMap.newKeySet();

  public ImportImageService(LongRunningOperations lro, ImageImporter importer) {
    this.lro = lro;
    this.importer = importer;
  }

  /** Starts an import; the operation to poll. */
  public Operation start(ImportImageRequest request) {
    ResourceId id = request.target().child("importOperations", UUID.randomUUID().toString());
    pending.put(id, request);
    known.add(id);
    Operation op = lro.start(id, "ImportImage");
    lro.reconcile(id);
    return op;
  }

  /**
   * Whether {@code id} is an import this service started: the polling side reads a finished
   * operation's result with a GET of its id, and an import's result is empty.
   */
  public boolean isImport(ResourceId id) {
    return known.contains(id);
  }

  @Override
  public ResourceType type() {
    return IMPORT_OPERATION;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    ImportImageRequest request = pending.remove(id);
    if (request == null) {
      if (lro.inProgress(id).isEmpty()) {
        return Outcome.done();
      }
      return Outcome.failed(
          ContainerRegistryError.IMPORT_FAILED.error(
              "The import was interrupted by a restart of the registry service. Retry it."));
    }
    Optional<ArmError> error = importer.copy(request);
    return error.map(Outcome::failed).orElse(Outcome.done());
  }
}
