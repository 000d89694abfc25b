package dev.moat.containerservice.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.containerservice.model.ContainerServiceTypes;
import dev.moat.platform.error.ArmError;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.reconcile.OperationRepository;
import dev.moat.platform.reconcile.OperationStatus;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET .../managedClusters/{c}/operations/{operationId}}: AKS's own view of a cluster's
 * long-running operation ({@code OperationStatusResult}), read from the same operation records the
 * {@code Azure-AsyncOperation} URL serves. Only operations on the cluster or its pools are found.
 */
public final class OperationRoutes {
  private final OperationRepository operations;

  public OperationRoutes(OperationRepository operations) {
    this.operations = operations;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(
            ContainerServiceTypes.MANAGED_CLUSTER.child("operations"), ApiVersions.MANAGED_CLUSTERS)
        .item("GET", this::get)
        .build();
  }

  private ArmResponse get(ArmRequest request) {
    ResourceId cluster = request.id().parent().orElseThrow();
    Operation op =
        operations
            .find(request.id().name())
            .filter(o -> cluster.contains(o.resourceId()))
            .orElseThrow(() -> CommonError.OPERATION_NOT_FOUND.exception(request.id().name()));
    return ArmResponse.ok(
        new StatusBody(
            request.id().toString(),
            op.id(),
            op.status().name(),
            op.status() == OperationStatus.Succeeded ? 100.0 : null,
            op.startTime(),
            op.endTime(),
            op.error(),
            op.resourceId().toString()));
  }

  /** {@code OperationStatusResult}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StatusBody(
      String id,
      String name,
      String status,
      Double percentComplete,
      Instant startTime,
      Instant endTime,
      ArmError error,
      String resourceId) {}
}
