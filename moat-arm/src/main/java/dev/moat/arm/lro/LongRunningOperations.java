package dev.moat.arm.lro;

import dev.moat.arm.routing.ArmRequest;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.reconcile.OperationRepository;
import dev.moat.platform.reconcile.ReconcileEngine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What handlers use to run work as an ARM long-running operation: record it, hand the resource to
 * the reconcile engine, and tell the client where to poll.
 */
public final class LongRunningOperations {
  private final OperationRepository operations;
  private final ReconcileEngine engine;

  public LongRunningOperations(OperationRepository operations, ReconcileEngine engine) {
    this.operations = operations;
    this.engine = engine;
  }

  /**
   * Records an in-progress operation on {@code resource} (inside the caller's transaction, so the
   * operation exists exactly when the write that caused it does).
   */
  public Operation start(ResourceId resource, String kind) {
    return operations.start(resource, kind);
  }

  /** The operations still running on {@code resource}, oldest first. */
  public java.util.List<Operation> inProgress(ResourceId resource) {
    return operations.inProgress(resource);
  }

  /** Asks the engine to reconcile {@code resource}; call after the write has committed. */
  public void reconcile(ResourceId resource) {
    engine.enqueue(resource);
  }

  /**
   * {@code Azure-AsyncOperation}, {@code Location} and {@code Retry-After} for an operation, shaped
   * like the real service's URLs: {@code
   * /subscriptions/{s}/providers/{namespace}/locations/{location}/operations/{id}}.
   */
  public Map<String, String> pollingHeaders(ArmRequest request, Operation op, String location) {
    ResourceId id = op.resourceId();
    String namespace = id.namespace().orElse("Microsoft.Resources");
    String prefix =
        request.baseUri()
            + "/subscriptions/"
            + id.subscriptionId()
            + "/providers/"
            + namespace
            + "/locations/"
            + location;
    String query = "?api-version=" + request.apiVersion();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Azure-AsyncOperation", prefix + "/operations/" + op.id() + query);
    headers.put("Location", prefix + "/operationResults/" + op.id() + query);
    headers.putAll(RetryAfter.soon());
    return headers;
  }
}
