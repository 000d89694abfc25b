package dev.moat.containerregistry.model;

import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceIndex;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Stored registries, indexed by name. */
public final class RegistryRepository extends TableRepository<Registry> {
  /**
   * Registries by name: names are global (they are DNS names), and data-plane hosts start with
   * them.
   */
  private static final ResourceIndex<Registry> BY_NAME =
      new ResourceIndex<>("name", r -> List.of(r.id().name()));

  private final Supplier<List<String>> subscriptionIds;

  /**
   * @param subscriptionIds the subscriptions Moat serves, searched for global name uniqueness
   */
  public RegistryRepository(ResourceDocuments documents, Supplier<List<String>> subscriptionIds) {
    super(
        new ResourceTable<>(
            documents, ContainerRegistryTypes.REGISTRY, Registry.class, List.of(BY_NAME)),
        Registry::id);
    this.subscriptionIds = subscriptionIds;
  }

  /**
   * The registry named {@code name} (case-insensitively) in any subscription Moat serves: registry
   * names are global because they are DNS names.
   */
  public Optional<Registry> findByName(String name) {
    return table.findBy(BY_NAME, name).stream().findFirst();
  }

  /** Every registry in every subscription. */
  public List<Registry> listAll() {
    return subscriptionIds.get().stream().flatMap(s -> listInSubscription(s).stream()).toList();
  }
}
