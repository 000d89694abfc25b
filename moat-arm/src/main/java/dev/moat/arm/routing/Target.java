package dev.moat.arm.routing;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import java.util.Optional;

/** What an ARM request path addresses: one resource, or a collection (or action) under a parent. */
public sealed interface Target {
  ResourceType type();

  /** The shape, which together with the type selects the operations. */
  Shape shape();

  /** The subscription the path lies in; empty for tenant-level paths such as {@code /tenants}. */
  Optional<String> subscriptionId();

  /** Item or collection. */
  enum Shape {
    ITEM,
    COLLECTION
  }

  /** A single resource, e.g. {@code .../virtualNetworks/vnet1}. */
  record Item(ResourceId id) implements Target {
    @Override
    public ResourceType type() {
      return id.type();
    }

    @Override
    public Shape shape() {
      return Shape.ITEM;
    }

    @Override
    public Optional<String> subscriptionId() {
      return Optional.of(id.subscriptionId());
    }
  }

  /**
   * Resources of {@code type} under {@code parent} ({@code .../virtualNetworks}), or a POST action
   * named by the last segment ({@code .../registries/r1/listCredentials}, whose type is {@code
   * Microsoft.ContainerRegistry/registries/listCredentials}).
   *
   * @param parent null for tenant-level collections ({@code /subscriptions}, {@code /tenants})
   */
  record Collection(ResourceId parent, ResourceType type) implements Target {
    @Override
    public Shape shape() {
      return Shape.COLLECTION;
    }

    @Override
    public Optional<String> subscriptionId() {
      return parent == null ? Optional.empty() : Optional.of(parent.subscriptionId());
    }
  }
}
