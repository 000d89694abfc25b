package dev.moat.platform.id;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A resource type such as {@code Microsoft.Network/virtualNetworks/subnets}, compared
 * case-insensitively.
 */
public record ResourceType(@JsonValue String value) {
  public static final ResourceType SUBSCRIPTION =
      new ResourceType("Microsoft.Resources/subscriptions");
  public static final ResourceType RESOURCE_GROUP =
      new ResourceType("Microsoft.Resources/resourceGroups");

  public ResourceType {
    if (value == null || !value.contains("/")) {
      throw new IllegalArgumentException("not a resource type: " + value);
    }
  }

  public static ResourceType of(String value) {
    return new ResourceType(value);
  }

  /** The namespace, e.g. {@code Microsoft.Network}. */
  public String namespace() {
    return value.substring(0, value.indexOf('/'));
  }

  /** The type without its namespace, e.g. {@code virtualNetworks/subnets}. */
  public String typeName() {
    return value.substring(value.indexOf('/') + 1);
  }

  /** The last type segment, e.g. {@code subnets}. */
  public String leaf() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** This type with one more child segment. */
  public ResourceType child(String childType) {
    return new ResourceType(value + "/" + childType);
  }

  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceType other && other.value.equalsIgnoreCase(value);
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
