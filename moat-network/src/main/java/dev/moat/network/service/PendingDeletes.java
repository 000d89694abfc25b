package dev.moat.network.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.Pended;
import dev.moat.network.model.Pending;
import dev.moat.network.model.ProvisioningState;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import dev.moat.platform.store.ResourceTable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * ARM's asynchronous delete of a network resource, alike for every type: in one transaction, check
 * that it may go, mark it {@code Deleting} and start the operation (or answer the delete already
 * running), then wake its reconciler, which removes it once the provisioning delay has passed.
 */
final class PendingDeletes {
  private final NetworkStore store;
  private final LongRunningOperations lro;
  private final Clock clock;

  PendingDeletes(NetworkStore store, LongRunningOperations lro, Clock clock) {
    this.store = store;
    this.lro = lro;
    this.clock = clock;
  }

  /**
   * Empty when the resource does not exist (ARM answers 204).
   *
   * @param table the type's table
   * @param get the service's read, failing with the type's not-found error
   * @param mayDelete throws the type's error when the resource is still in use
   */
  <T extends Pended<T>> Optional<Written<T>> begin(
      ResourceTable<T> table, ResourceId id, Function<ResourceId, T> get, Consumer<T> mayDelete) {
    if (table.get(id).isEmpty()) {
      return Optional.empty();
    }
    Written<T> written =
        store
            .database()
            .inTransaction(
                c -> {
                  T resource = get.apply(id);
                  mayDelete.accept(resource);
                  if (resource.status().is(ProvisioningState.Deleting)) {
                    List<Operation> running = lro.inProgress(resource.id());
                    if (!running.isEmpty()) {
                      return new Written<>(resource, false, running.get(0));
                    }
                  }
                  T deleting = resource.withStatus(Pending.deleting(clock.instant()));
                  table.put(resource.id(), deleting);
                  return new Written<>(deleting, false, lro.start(resource.id(), "Delete"));
                });
    lro.reconcile(written.value().id());
    return Optional.of(written);
  }
}
