package dev.moat.kube.store;

import java.util.Optional;

/**
 * How to delete, after {@code metav1.DeleteOptions}.
 *
 * @param propagation what happens to dependents (objects whose ownerReferences name this one)
 * @param gracePeriodSeconds for pods: empty for the pod's own {@code
 *     terminationGracePeriodSeconds}, 0 to remove at once
 * @param preconditionUid delete only if the object still has this uid
 * @param preconditionResourceVersion delete only if the object is still at this version
 */
public record DeleteOptions(
    Propagation propagation,
    Optional<Long> gracePeriodSeconds,
    Optional<String> preconditionUid,
    Optional<String> preconditionResourceVersion) {

  /** {@code metav1.DeletionPropagation}. */
  public enum Propagation {
    /** Remove the object now; the garbage collector removes dependents afterwards. */
    BACKGROUND,
    /** Keep the object (with a deletionTimestamp) until its blocking dependents are gone. */
    FOREGROUND,
    /** Remove the object and strip its ownerReference from dependents. */
    ORPHAN
  }

  /** Background propagation, default grace period, no preconditions. */
  public static DeleteOptions background() {
    return new DeleteOptions(
        Propagation.BACKGROUND, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Background propagation and grace period 0: remove at once (what a kubelet does last). */
  public static DeleteOptions now() {
    return new DeleteOptions(
        Propagation.BACKGROUND, Optional.of(0L), Optional.empty(), Optional.empty());
  }

  public DeleteOptions withPropagation(Propagation propagation) {
    return new DeleteOptions(
        propagation, gracePeriodSeconds, preconditionUid, preconditionResourceVersion);
  }
}
