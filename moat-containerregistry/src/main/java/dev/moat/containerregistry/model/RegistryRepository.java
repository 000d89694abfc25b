package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Stored registries. Thread-safe; every call joins the caller's transaction. */
public interface RegistryRepository extends ProvisionedStore<Registry> {

  /** Registries directly in a resource group. */
  List<Registry> listInGroup(ResourceId group);

  List<Registry> listInSubscription(String subscriptionId);

  /**
   * The registry named {@code name} (case-insensitively) in any subscription Moat serves: registry
   * names are global because they are DNS names.
   */
  Optional<Registry> findByName(String name);

  /** Every registry in every subscription. */
  List<Registry> listAll();
}
