package dev.moat.platform.store;

import dev.moat.platform.id.ResourceId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A secondary key of a resource type: a function from the record to the keys it is found by
 * (network interfaces by the subnets of their IP configurations, endpoints by subnet, record sets
 * by zone, role assignments by scope). A {@link ResourceTable} declared with indexes writes their
 * keys in the same transaction as the document, so {@link ResourceTable#findBy} reads and decodes
 * only the documents it returns, whatever else exists.
 *
 * <p>Keys compare case-insensitively, as ARM ids do. The function must be pure: it sees only the
 * record, and the same record must always give the same keys.
 *
 * @param name unique among the indexes of one type; part of the stored key, so renaming an index
 *     rebuilds it
 */
public record ResourceIndex<T>(String name, Function<T, Collection<String>> keys) {
  public ResourceIndex {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keys, "keys");
    if (name.isBlank() || name.contains("#")) {
      throw new IllegalArgumentException("bad index name: " + name);
    }
  }

  /** An index by the resource ids a record refers to (any number, none included). */
  public static <T> ResourceIndex<T> byIds(
      String name, Function<T, ? extends Collection<ResourceId>> ids) {
    return new ResourceIndex<>(
        name, t -> ids.apply(t).stream().filter(Objects::nonNull).map(ResourceId::key).toList());
  }

  /** An index by one resource id a record refers to (none when the function returns null). */
  public static <T> ResourceIndex<T> byId(String name, Function<T, ResourceId> id) {
    return new ResourceIndex<>(
        name,
        t -> {
          ResourceId value = id.apply(t);
          return value == null ? Set.of() : Set.of(value.key());
        });
  }

  /** The normalised keys of {@code record}. */
  Set<String> keysOf(T record) {
    Set<String> out = new LinkedHashSet<>();
    for (String k : keys.apply(record)) {
      if (k != null) {
        out.add(normalise(k));
      }
    }
    return out;
  }

  static String normalise(String key) {
    return key.toLowerCase(Locale.ROOT);
  }
}
