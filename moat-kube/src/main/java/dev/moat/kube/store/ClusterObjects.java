package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The objects of one cluster: the generic store behind its API server, after {@code
 * k8s.io/apiserver}'s {@code registry.Store}. Every write runs the kind's strategy (defaulting,
 * validation), advances the cluster's resourceVersion in the same transaction and, after commit,
 * publishes a {@link WatchEvent} to watches and listeners.
 *
 * <p>Objects passed in are not modified; the returned objects are fresh copies the caller owns.
 * Thread-safe. All methods throw {@link KubeException} with the apiserver's status on failure (404,
 * 409, 410, 422, ...).
 */
public interface ClusterObjects {

  /** The cluster key this store serves. */
  String clusterKey();

  /** The object, or empty. {@code namespace} is ignored (may be null) for cluster-scoped kinds. */
  <T extends HasMetadata> Optional<T> get(Kind<T> kind, String namespace, String name);

  /** Like {@link #get} but 404 {@code NotFound} when absent. */
  default <T extends HasMetadata> T require(Kind<T> kind, String namespace, String name) {
    return get(kind, namespace, name).orElseThrow(() -> KubeException.notFound(kind, name));
  }

  /**
   * Objects matching {@code options}, ordered by namespace then name, consistent with the returned
   * resourceVersion. 400 for an unsupported field selector; 410 for a stale continue token.
   */
  <T extends HasMetadata> ObjectList<T> list(Kind<T> kind, ListOptions options);

  /**
   * Creates the object: name from {@code metadata.generateName} when unset, namespace must exist
   * (404) and not be terminating (403), uid, creationTimestamp, generation 1 and the kind's
   * defaults are set; {@code status} is kept as given (so controllers and kubelets can create with
   * status). 409 {@code AlreadyExists}, 422 {@code Invalid}.
   */
  <T extends HasMetadata> T create(Kind<T> kind, T object);

  /** The outcome of one object of {@link #createAll}: the stored object, or why it was refused. */
  record Created<T extends HasMetadata>(T object, KubeException error) {}

  /**
   * Creates several objects of one kind in one write transaction (a controller creating N pods, a
   * recorder flushing events), each as {@link #create} would, in order: one that is refused (409,
   * 422, 404 namespace) does not stop the others. A name left to {@code generateName} is drawn
   * once.
   */
  <T extends HasMetadata> List<Created<T>> createAll(Kind<T> kind, List<T> objects);

  /**
   * Replaces spec and metadata (status is kept from storage). When {@code metadata.resourceVersion}
   * is set it must equal the stored one, else 409 {@code Conflict}; when unset the update is
   * unconditional. Generation is bumped when the spec changed. An update that removes the last
   * finalizer of an object being deleted removes the object.
   */
  <T extends HasMetadata> T update(Kind<T> kind, T object);

  /**
   * Replaces status only (the {@code /status} subresource); metadata and spec are kept from
   * storage. Same resourceVersion rule as {@link #update}.
   */
  <T extends HasMetadata> T updateStatus(Kind<T> kind, T object);

  /**
   * Read-modify-write for controllers: reads the object, applies {@code change} to a copy and
   * updates it, without lost updates (a conflict is retried, or the read and write share one
   * transaction). {@code change} may run more than once and must be a pure function of its input
   * that touches nothing but the object. Returns empty when the object does not exist. When {@code
   * status} is true only the status is written.
   */
  <T extends HasMetadata> Optional<T> modify(
      Kind<T> kind, String namespace, String name, boolean status, UnaryOperator<T> change);

  /**
   * As {@link #modify}, writing the object's spec and its status in one write (one resourceVersion,
   * one event), as the apiserver's {@code pods/binding} does when it sets {@code spec.nodeName} and
   * the {@code PodScheduled} condition together.
   */
  <T extends HasMetadata> Optional<T> modifyWithStatus(
      Kind<T> kind, String namespace, String name, UnaryOperator<T> change);

  /** One change of {@link #modifyAllWithStatus}. */
  record Change<T extends HasMetadata>(String namespace, String name, UnaryOperator<T> change) {}

  /**
   * {@link #modifyWithStatus} of several objects in one write transaction (a scheduler binding N
   * pods), in order; an absent object gives empty, a refused change its exception's empty without
   * stopping the others.
   */
  <T extends HasMetadata> List<Optional<T>> modifyAllWithStatus(
      Kind<T> kind, List<Change<T>> changes);

  /**
   * Deletes the object. Returns the object's last state: already removed, or (graceful pod
   * deletion, finalizers, foreground propagation) still present with {@code
   * metadata.deletionTimestamp} set — then {@link #get} still finds it until the kubelet or the
   * last finalizer finishes. A pod bound to a node ({@code spec.nodeName}) is deleted gracefully
   * unless the grace period is 0: its node's kubelet stops it and deletes it with {@link
   * DeleteOptions#now()}. Dependents are collected per {@link DeleteOptions#propagation()}.
   * Deleting a namespace marks it Terminating, then removes its objects and itself. 404 when
   * absent, 409 when a precondition fails.
   */
  <T extends HasMetadata> T delete(
      Kind<T> kind, String namespace, String name, DeleteOptions options);

  /**
   * Opens a watch from {@code resourceVersion}: events after it, in order. {@code resourceVersion}
   * 0 means "from now, starting with ADDED events for the current objects" (as the apiserver does
   * for an unset/"0" version); a version older than the retained history fails with 410 {@code
   * Expired}. The caller must close the watch.
   */
  <T extends HasMetadata> Watch<T> watch(Kind<T> kind, ListOptions selection, long resourceVersion);

  /**
   * Registers an in-process listener for every committed change of {@code kind} (all namespaces),
   * for controllers. Listeners run on the store's dispatch thread, in resourceVersion order, and
   * must not block (enqueue a key and return). A listener that throws is logged and kept.
   */
  <T extends HasMetadata> Registration listen(Kind<T> kind, Listener<T> listener);

  /** The current resourceVersion of the cluster (the last committed write). */
  long resourceVersion();

  /** The cluster's container logs. */
  PodLogs logs();

  /** Receives committed changes. */
  @FunctionalInterface
  interface Listener<T extends HasMetadata> {
    void onEvent(WatchEvent<T> event);
  }

  /** Undoes a registration. Idempotent. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
