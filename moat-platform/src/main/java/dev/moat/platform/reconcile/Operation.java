package dev.moat.platform.reconcile;

import dev.moat.platform.error.ArmError;
import dev.moat.platform.id.ResourceId;
import java.time.Instant;
import java.util.Optional;

/**
 * A long-running operation on one resource: the only thing that {@code Azure-AsyncOperation} and
 * {@code Location} polling read.
 *
 * @param kind what was asked, e.g. {@code Create}, {@code Delete}, {@code UpgradeNodeImage}
 * @param error set only when {@code status} is {@code Failed}
 * @param endTime set once the status is terminal
 */
public record Operation(
    String id,
    ResourceId resourceId,
    String kind,
    OperationStatus status,
    ArmError error,
    Instant startTime,
    Instant endTime) {

  public Optional<ArmError> failure() {
    return Optional.ofNullable(error);
  }

  public boolean isDelete() {
    return kind.equals("Delete");
  }
}
