package dev.moat.arm.routing;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import java.util.Arrays;
import java.util.Optional;

/** Parses an ARM request path into a {@link Target}. */
public final class TargetParser {
  public static final ResourceType TENANTS = ResourceType.of("Microsoft.Resources/tenants");

  private TargetParser() {}

  public static Optional<Target> parse(String rawPath) {
    String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    if (path.equalsIgnoreCase("/subscriptions")) {
      return Optional.of(new Target.Collection(null, ResourceType.SUBSCRIPTION));
    }
    if (path.equalsIgnoreCase("/tenants")) {
      return Optional.of(new Target.Collection(null, TENANTS));
    }
    Optional<ResourceId> item = ResourceId.tryParse(path);
    if (item.isPresent()) {
      return Optional.of(new Target.Item(item.get()));
    }
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(1).split("/");
    int n = parts.length;
    if (n >= 3 && parts[n - 3].equalsIgnoreCase("providers")) {
      // {scope}/providers/{namespace}/{type}
      Optional<ResourceId> scope = ResourceId.tryParse(join(parts, n - 3));
      if (scope.isPresent()) {
        return Optional.of(
            new Target.Collection(scope.get(), ResourceType.of(parts[n - 2] + "/" + parts[n - 1])));
      }
    }
    if (n >= 3) {
      Optional<ResourceId> parent = ResourceId.tryParse(join(parts, n - 1));
      if (parent.isPresent()) {
        String last = parts[n - 1];
        ResourceId p = parent.get();
        ResourceType type =
            p.isSubscription() && last.equalsIgnoreCase("resourceGroups")
                ? ResourceType.RESOURCE_GROUP
                : p.type().child(last);
        return Optional.of(new Target.Collection(p, type));
      }
    }
    return Optional.empty();
  }

  private static String join(String[] parts, int count) {
    return "/" + String.join("/", Arrays.copyOfRange(parts, 0, count));
  }
}
