package dev.moat.kube.controllers;

import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kind;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.LabelSelector;
import dev.moat.kube.store.ListOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/** Controller references ({@code metav1.GetControllerOf}) and the objects a controller owns. */
public final class Owners {
  private Owners() {}

  /** The owner reference with {@code controller: true}, if any. */
  public static Optional<OwnerReference> controllerOf(HasMetadata o) {
    if (o.getMetadata().getOwnerReferences() == null) {
      return Optional.empty();
    }
    return o.getMetadata().getOwnerReferences().stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst();
  }

  /** {@code ns/name} of the controller of {@code o} when it is of {@code kind}. */
  public static Optional<String> controllerKey(HasMetadata o, String kind) {
    return controllerOf(o)
        .filter(r -> kind.equals(r.getKind()))
        .map(r -> o.getMetadata().getNamespace() + "/" + r.getName());
  }

  /** A controller reference to {@code owner} ({@code blockOwnerDeletion} as controllers set it). */
  public static OwnerReference reference(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /**
   * Objects of {@code kind} in the owner's namespace matching {@code selector} and controlled by
   * it.
   */
  public static <T extends HasMetadata> List<T> owned(
      ClusterObjects objects, Kind<T> kind, HasMetadata owner, LabelSelector selector) {
    String uid = owner.getMetadata().getUid();
    return objects
        .list(kind, ListOptions.in(owner.getMetadata().getNamespace()).withLabels(selector))
        .items()
        .stream()
        .filter(o -> controllerOf(o).map(r -> uid.equals(r.getUid())).orElse(false))
        .toList();
  }

  /** Pods that count: not being deleted and not finished. */
  public static boolean active(Pod p) {
    String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
    return p.getMetadata().getDeletionTimestamp() == null
        && !"Succeeded".equals(phase)
        && !"Failed".equals(phase);
  }

  /** {@code podutil.IsPodReady}. */
  public static boolean ready(Pod p) {
    return p.getStatus() != null
        && p.getStatus().getConditions() != null
        && p.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  /** Adds a listener on pods that enqueues the key of their controller of {@code kind}. */
  public static ClusterObjects.Registration onOwnedPods(
      ClusterObjects objects, String kind, KeyedLoop loop) {
    return objects.listen(Kinds.PODS, e -> controllerKey(e.object(), kind).ifPresent(loop::add));
  }

  /** {@code ns/name}. */
  public static String key(HasMetadata o) {
    return o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }
}
