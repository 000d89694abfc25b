package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One change to one object, as a watch delivers it.
 *
 * @param type what happened
 * @param object the object after the change ({@link Type#DELETED}: its last state; {@link
 *     Type#BOOKMARK}: an empty object of the watched kind carrying only the resourceVersion)
 * @param resourceVersion the cluster resourceVersion of the change
 */
public record WatchEvent<T extends HasMetadata>(Type type, T object, long resourceVersion) {

  /** The watch event types of {@code k8s.io/apimachinery/pkg/watch}. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED,
    BOOKMARK
  }
}
