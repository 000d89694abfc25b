package dev.moat.platform.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Azure Resource Manager id.
 *
 * <p>Grammar: {@code
 * /subscriptions/{s}[/resourceGroups/{g}][/providers/{ns}/{type}/{name}[/{t}/{n}]*]}, where a
 * further {@code /providers/...} after a complete resource makes the part before it the scope of an
 * extension resource (role assignments). Ids compare case-insensitively, as ARM does, but {@link
 * #toString()} returns the casing the caller gave.
 */
public final class ResourceId {
  private final String subscriptionId;
  private final String resourceGroup;
  private final ResourceId scope;
  private final String namespace;
  private final List<TypeAndName> segments;
  private final String text;
  private final String key;

  /** One {@code type/name} pair of a provider path. */
  public record TypeAndName(String type, String name) {}

  private ResourceId(
      String subscriptionId,
      String resourceGroup,
      ResourceId scope,
      String namespace,
      List<TypeAndName> segments) {
    this.subscriptionId = subscriptionId;
    this.resourceGroup = resourceGroup;
    this.scope = scope;
    this.namespace = namespace;
    this.segments = List.copyOf(segments);
    this.text = format();
    this.key = text.toLowerCase(Locale.ROOT);
  }

  /** The id of a subscription. */
  public static ResourceId subscription(String subscriptionId) {
    return new ResourceId(requireName(subscriptionId), null, null, null, List.of());
  }

  /** The id of a resource group. */
  public static ResourceId resourceGroup(String subscriptionId, String group) {
    return new ResourceId(requireName(subscriptionId), requireName(group), null, null, List.of());
  }

  /**
   * Parses an id, throwing {@code LinkedInvalidPropertyId}-style {@link ArmException} ({@code
   * InvalidResourceId}) when it is not one.
   */
  @JsonCreator
  public static ResourceId parse(String id) {
    return tryParse(id)
        .orElseThrow(() -> CommonError.INVALID_RESOURCE_ID.exception(String.valueOf(id)));
  }

  /** Parses an id, or returns empty when the text is not a well-formed resource id. */
  public static Optional<ResourceId> tryParse(String id) {
    if (id == null || !id.startsWith("/") || id.endsWith("/") || id.contains("//")) {
      return Optional.empty();
    }
    String[] parts = id.substring(1).split("/");
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("subscriptions")) {
      return Optional.empty();
    }
    ResourceId current = subscription(parts[1]);
    int i = 2;
    if (i + 1 < parts.length && parts[i].equalsIgnoreCase("resourceGroups")) {
      current = resourceGroup(parts[1], parts[i + 1]);
      i += 2;
    }
    while (i < parts.length) {
      if (!parts[i].equalsIgnoreCase("providers") || i + 3 >= parts.length) {
        return Optional.empty();
      }
      String ns = parts[i + 1];
      List<TypeAndName> segs = new ArrayList<>();
      int j = i + 2;
      while (j < parts.length && !parts[j].equalsIgnoreCase("providers")) {
        if (j + 1 >= parts.length) {
          return Optional.empty();
        }
        segs.add(new TypeAndName(parts[j], parts[j + 1]));
        j += 2;
      }
      // A provider path after a complete resource makes that resource the extension scope.
      ResourceId scope = current.isResource() ? current : null;
      current = new ResourceId(current.subscriptionId, current.resourceGroup, scope, ns, segs);
      i = j;
    }
    return Optional.of(current);
  }

  private static String requireName(String s) {
    if (s == null || s.isEmpty() || s.contains("/")) {
      throw new IllegalArgumentException("invalid id segment: " + s);
    }
    return s;
  }

  /** A child of this resource, e.g. {@code vnet.child("subnets", "default")}. */
  public ResourceId child(String type, String name) {
    if (!isResource()) {
      throw new IllegalStateException("only a provider resource has children: " + text);
    }
    List<TypeAndName> segs = new ArrayList<>(segments);
    segs.add(new TypeAndName(type, requireName(name)));
    return new ResourceId(subscriptionId, resourceGroup, scope, namespace, segs);
  }

  /** A provider resource directly under this subscription, group or (extension) resource. */
  public ResourceId provider(String ns, String type, String name) {
    ResourceId extensionScope = isResource() ? this : null;
    return new ResourceId(
        subscriptionId,
        resourceGroup,
        extensionScope,
        ns,
        List.of(new TypeAndName(type, requireName(name))));
  }

  public String subscriptionId() {
    return subscriptionId;
  }

  /** The resource group name, if the id lies inside one. */
  public Optional<String> resourceGroup() {
    return Optional.ofNullable(resourceGroup);
  }

  /** The id of the resource group the id lies in, if any. */
  public Optional<ResourceId> resourceGroupId() {
    return resourceGroup == null
        ? Optional.empty()
        : Optional.of(resourceGroup(subscriptionId, resourceGroup));
  }

  /** For an extension resource, the resource it extends. */
  public Optional<ResourceId> extensionScope() {
    return Optional.ofNullable(scope);
  }

  /** True when the id names a provider resource (not a bare subscription or group). */
  public boolean isResource() {
    return namespace != null;
  }

  public boolean isResourceGroup() {
    return namespace == null && resourceGroup != null;
  }

  public boolean isSubscription() {
    return namespace == null && resourceGroup == null;
  }

  /** The provider namespace as given, e.g. {@code Microsoft.Network}. */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /** The full type, e.g. {@code Microsoft.Network/virtualNetworks/subnets}. */
  public ResourceType type() {
    if (namespace == null) {
      return resourceGroup == null ? ResourceType.SUBSCRIPTION : ResourceType.RESOURCE_GROUP;
    }
    StringBuilder sb = new StringBuilder(namespace);
    for (TypeAndName s : segments) {
      sb.append('/').append(s.type());
    }
    return ResourceType.of(sb.toString());
  }

  /** The last name of the id (subscription id, group name or resource name). */
  public String name() {
    if (namespace != null) {
      return segments.get(segments.size() - 1).name();
    }
    return resourceGroup != null ? resourceGroup : subscriptionId;
  }

  /** The type/name pairs after the namespace. */
  public List<TypeAndName> segments() {
    return segments;
  }

  /**
   * The parent: a child resource's parent resource, a top-level resource's group (or subscription,
   * or extension scope), a group's subscription. Empty for a subscription.
   */
  public Optional<ResourceId> parent() {
    if (namespace != null) {
      if (segments.size() > 1) {
        return Optional.of(
            new ResourceId(
                subscriptionId,
                resourceGroup,
                scope,
                namespace,
                segments.subList(0, segments.size() - 1)));
      }
      if (scope != null) {
        return Optional.of(scope);
      }
      return Optional.of(
          resourceGroup != null
              ? resourceGroup(subscriptionId, resourceGroup)
              : subscription(subscriptionId));
    }
    return resourceGroup != null ? Optional.of(subscription(subscriptionId)) : Optional.empty();
  }

  /** True when {@code other} equals this id or lies below it (scope inheritance). */
  public boolean contains(ResourceId other) {
    return other.key.equals(key) || other.key.startsWith(key + "/");
  }

  /** The lower-cased form used as a storage key. */
  public String key() {
    return key;
  }

  private String format() {
    StringBuilder sb = new StringBuilder();
    if (scope != null) {
      sb.append(scope.text);
    } else {
      sb.append("/subscriptions/").append(subscriptionId);
      if (resourceGroup != null) {
        sb.append("/resourceGroups/").append(resourceGroup);
      }
    }
    if (namespace != null) {
      sb.append("/providers/").append(namespace);
      for (TypeAndName s : segments) {
        sb.append('/').append(s.type()).append('/').append(s.name());
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceId other && other.key.equals(key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key);
  }

  @JsonValue
  @Override
  public String toString() {
    return text;
  }
}
