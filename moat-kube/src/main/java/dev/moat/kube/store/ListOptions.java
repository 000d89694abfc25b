package dev.moat.kube.store;

import java.util.Optional;

/**
 * What a list or watch selects.
 *
 * @param namespace the namespace, or empty for all namespaces (and for cluster-scoped kinds)
 * @param labels label selector ({@link LabelSelector#EVERYTHING} for all)
 * @param fields field selector ({@link FieldSelector#EVERYTHING} for all)
 * @param limit page size, 0 for no paging
 * @param continueToken the {@code metadata.continue} of the previous page, or empty
 */
public record ListOptions(
    Optional<String> namespace,
    LabelSelector labels,
    FieldSelector fields,
    int limit,
    Optional<String> continueToken) {

  /** Everything in all namespaces. */
  public static ListOptions all() {
    return new ListOptions(
        Optional.empty(), LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, 0, Optional.empty());
  }

  /** Everything in {@code namespace}. */
  public static ListOptions in(String namespace) {
    return all().withNamespace(namespace);
  }

  public ListOptions withNamespace(String namespace) {
    return new ListOptions(Optional.of(namespace), labels, fields, limit, continueToken);
  }

  public ListOptions withLabels(LabelSelector labels) {
    return new ListOptions(namespace, labels, fields, limit, continueToken);
  }

  public ListOptions withFields(FieldSelector fields) {
    return new ListOptions(namespace, labels, fields, limit, continueToken);
  }

  public ListOptions withPage(int limit, Optional<String> continueToken) {
    return new ListOptions(namespace, labels, fields, limit, continueToken);
  }
}
