package dev.moat.arm.lro;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.Target;
import dev.moat.platform.error.ArmError;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.reconcile.OperationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The polling side of long-running operations, for every provider: {@code
 * .../locations/{l}/operations/{id}} answers an {@code OperationStatusResult}; {@code
 * .../locations/{l}/operationResults/{id}} answers 202 while running and then the final result.
 */
public final class OperationStatusRoutes {
  private final OperationRepository operations;
  private final Clock clock;
  private final Function<ArmRequest, ArmResponse> getResource;

  /**
   * @param getResource answers a GET of a resource (the final result of a non-delete operation)
   */
  public OperationStatusRoutes(
      OperationRepository operations, Clock clock, Function<ArmRequest, ArmResponse> getResource) {
    this.operations = operations;
    this.clock = clock;
    this.getResource = getResource;
  }

  /** True for the two polling paths, in any provider namespace. */
  public static boolean matches(Target target) {
    if (!(target instanceof Target.Item item) || item.id().segments().size() != 2) {
      return false;
    }
    String type = item.id().type().typeName();
    return type.equalsIgnoreCase("locations/operations")
        || type.equalsIgnoreCase("locations/operationResults");
  }

  public ArmResponse handle(ArmRequest request) {
    ResourceId id = request.id();
    Operation op =
        operations
            .find(id.name())
            .filter(o -> o.resourceId().subscriptionId().equalsIgnoreCase(id.subscriptionId()))
            .orElseThrow(() -> CommonError.OPERATION_NOT_FOUND.exception(id.name()));
    boolean results = id.type().typeName().equalsIgnoreCase("locations/operationResults");
    return results ? result(request, op) : status(request, op);
  }

  private ArmResponse status(ArmRequest request, Operation op) {
    StatusBody body =
        new StatusBody(
            request.id().toString(),
            op.id(),
            op.status().name(),
            op.startTime(),
            op.endTime(),
            op.error(),
            op.resourceId().toString());
    return ArmResponse.ok(body).withHeaders(retryAfter(op));
  }

  private ArmResponse result(ArmRequest request, Operation op) {
    switch (op.status()) {
      case InProgress:
        return ArmResponse.accepted()
            .withHeaders(retryAfter(op))
            .withHeaders(
                Map.of(
                    "Location",
                    request.baseUri()
                        + request.http().path()
                        + "?api-version="
                        + request.apiVersion()));
      case Failed:
      case Canceled:
        throw new ArmException(
            Optional.ofNullable(op.error()).orElse(CommonError.INTERNAL_ERROR.error()));
      default:
        if (op.isDelete()) {
          return ArmResponse.noContent();
        }
        return getResource.apply(
            new ArmRequest(
                request.http(),
                new Target.Item(op.resourceId()),
                request.apiVersion(),
                request.caller()));
    }
  }

  /** Poll again soon for fresh operations; once a second for ones that take a while. */
  private Map<String, String> retryAfter(Operation op) {
    if (op.status().isTerminal()) {
      return Map.of();
    }
    Duration age = Duration.between(op.startTime(), clock.instant());
    return age.compareTo(Duration.ofSeconds(2)) < 0 ? RetryAfter.soon() : RetryAfter.seconds(1);
  }

  /** The {@code OperationStatusResult} body. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StatusBody(
      String id,
      String name,
      String status,
      Instant startTime,
      Instant endTime,
      ArmError error,
      String resourceId) {}
}
