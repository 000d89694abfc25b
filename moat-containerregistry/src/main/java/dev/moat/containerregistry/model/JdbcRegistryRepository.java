package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceIndex;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link RegistryRepository} on the shared resource table. */
public final class JdbcRegistryRepository implements RegistryRepository {
  /**
   * Registries by name: names are global (they are DNS names), and data-plane hosts start with
   * them.
   */
  private static final ResourceIndex<Registry> BY_NAME =
      new ResourceIndex<>("name", r -> List.of(r.id().name()));

  private final ResourceTable<Registry> table;
  private final Supplier<List<String>> subscriptionIds;

  /**
   * @param subscriptionIds the subscriptions Moat serves, searched for global name uniqueness
   */
  public JdbcRegistryRepository(
      ResourceDocuments documents, Supplier<List<String>> subscriptionIds) {
    this.table =
        new ResourceTable<>(
            documents, ContainerRegistryTypes.REGISTRY, Registry.class, List.of(BY_NAME));
    this.subscriptionIds = subscriptionIds;
  }

  @Override
  public Optional<Registry> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public void save(Registry registry) {
    table.put(registry.id(), registry);
  }

  @Override
  public void delete(ResourceId id) {
    table.delete(id);
  }

  @Override
  public List<Registry> listInGroup(ResourceId group) {
    return table.listChildren(group);
  }

  @Override
  public List<Registry> listInSubscription(String subscriptionId) {
    return table.listInSubscription(subscriptionId);
  }

  @Override
  public Optional<Registry> findByName(String name) {
    return table.findBy(BY_NAME, name).stream().findFirst();
  }

  @Override
  public List<Registry> listAll() {
    return subscriptionIds.get().stream().flatMap(s -> listInSubscription(s).stream()).toList();
  }
}
