package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import java.util.Optional;

/** The three calls a lifecycle reconciler needs of a repository; each joins the transaction. */
public interface ProvisionedStore<T extends Provisioned<T>> {
  Optional<T> find(ResourceId id);

  void save(T resource);

  /** Removes the resource and everything below it. */
  void delete(ResourceId id);
}
