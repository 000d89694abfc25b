package dev.moat.network.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.network.service.Written;
import java.util.Optional;

/**
 * The responses of Microsoft.Network's long-running writes: PUT answers 201/200 with the body and
 * {@code Azure-AsyncOperation}; DELETE answers 202 with {@code Location} and {@code
 * Azure-AsyncOperation}, or 204 when there was nothing to delete.
 */
final class LroResponses {
  private final LongRunningOperations lro;

  LroResponses(LongRunningOperations lro) {
    this.lro = lro;
  }

  ArmResponse put(ArmRequest request, Written<?> written, Object body, String location) {
    return ArmResponse.createdOrOk(written.created(), body)
        .withHeaders(lro.pollingHeaders(request, written.operation(), location));
  }

  <T> ArmResponse delete(
      ArmRequest request,
      Optional<Written<T>> written,
      java.util.function.Function<T, String> location) {
    if (written.isEmpty()) {
      return ArmResponse.noContent();
    }
    return ArmResponse.accepted()
        .withHeaders(
            lro.pollingHeaders(
                request, written.get().operation(), location.apply(written.get().value())));
  }
}
