package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * One served resource type, after the apiserver's {@code APIResource}: the row discovery, routing,
 * storage and Table output are derived from. Instances are the constants of {@link Kinds}; compare
 * them with {@code ==} or {@link #resource()}.
 *
 * @param group API group, empty for the core group
 * @param version e.g. {@code v1}
 * @param plural the resource name in URLs, e.g. {@code deployments}
 * @param kind e.g. {@code Deployment}
 * @param namespaced whether objects live in a namespace
 * @param shortNames kubectl short names, e.g. {@code deploy}
 * @param categories discovery categories, e.g. {@code all}
 * @param type the fabric8 model class
 */
public record Kind<T extends HasMetadata>(
    String group,
    String version,
    String plural,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    Class<T> type) {

  public Kind {
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
  }

  /** {@code apiVersion} as objects carry it: {@code v1} or {@code apps/v1}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * The qualified resource as the apiserver names it in messages: {@code pods}, {@code
   * deployments.apps}.
   */
  public String resource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The singular name: the lower-cased kind. */
  public String singular() {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }

  /** Casts an object known to be of this kind. */
  public T cast(HasMetadata object) {
    return type.cast(object);
  }
}
