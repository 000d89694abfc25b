package dev.moat.kube.store;

import dev.moat.kube.store.ObjectRows.Ref;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The garbage collector and namespace finaliser of one cluster, after kube-controller-manager's
 * {@code garbagecollector} and {@code namespace} controllers: dependents whose owners are all gone
 * are deleted (background), foreground owners go once their dependents are gone, and a terminating
 * namespace is emptied and then removed. Runs after commit on the store's collector thread; every
 * step re-reads state, so repeated or reordered triggers are harmless.
 */
final class GarbageCollector {
  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

  private final JdbcClusterObjects objects;
  private final Executor executor;

  GarbageCollector(JdbcClusterObjects objects, Executor executor) {
    this.objects = objects;
    this.executor = executor;
  }

  void submit(Runnable step) {
    executor.execute(
        () -> {
          try {
            step.run();
          } catch (KubeException e) {
            if (e.code() != 404 && e.code() != 409) {
              LOG.warn(
                  "kube gc step failed in cluster {}: {}", objects.clusterKey(), e.getMessage());
            }
          } catch (RuntimeException e) {
            LOG.warn("kube gc step failed in cluster {}", objects.clusterKey(), e);
          }
        });
  }

  /** An object is gone: its dependents lose that owner, and go when they have none left. */
  void ownerRemoved(String uid) {
    for (Ref ref : objects.dependents(uid)) {
      Kind<?> kind = JdbcClusterObjects.kindOf(ref.resource());
      Optional<ObjectNode> dependent = objects.getTree(kind, ref.namespace(), ref.name());
      if (dependent.isEmpty()) {
        continue;
      }
      boolean living =
          JdbcClusterObjects.ownerUids(dependent.get()).stream()
              .anyMatch(o -> !o.equals(uid) && objects.byUid(o).isPresent());
      if (living) {
        ObjectNode next = dependent.get().deepCopy();
        ArrayNode refs = (ArrayNode) next.path("metadata").path("ownerReferences");
        for (int i = refs.size() - 1; i >= 0; i--) {
          if (refs.get(i).path("uid").asString().equals(uid)) {
            refs.remove(i);
          }
        }
        submit(() -> objects.updateTree(kind, next, false));
      } else {
        submit(
            () ->
                objects.deleteTree(kind, ref.namespace(), ref.name(), DeleteOptions.background()));
      }
    }
  }

  /** A new object names owners: if none of them exists, it is garbage at once. */
  void verifyOwners(Kind<?> kind, String namespace, String name, List<String> ownerUids) {
    if (ownerUids.stream().noneMatch(o -> objects.byUid(o).isPresent())) {
      objects.deleteTree(kind, namespace, name, DeleteOptions.background());
    }
  }

  /** Foreground deletion: delete the owner's dependents; the owner goes after the last. */
  void deleteDependents(String ownerUid) {
    List<Ref> dependents = objects.dependents(ownerUid);
    for (Ref ref : dependents) {
      Kind<?> kind = JdbcClusterObjects.kindOf(ref.resource());
      submit(
          () ->
              objects.deleteTree(
                  kind,
                  ref.namespace(),
                  ref.name(),
                  DeleteOptions.background()
                      .withPropagation(DeleteOptions.Propagation.FOREGROUND)));
    }
    if (dependents.isEmpty()) {
      dependentRemoved(List.of(ownerUid));
    }
  }

  /** A dependent is gone: owners in foreground deletion without dependents finish. */
  void dependentRemoved(List<String> ownerUids) {
    for (String uid : ownerUids) {
      Optional<ObjectNode> owner = objects.byUid(uid);
      if (owner.isEmpty()
          || !JdbcClusterObjects.finalizers(owner.get()).contains("foregroundDeletion")
          || !objects.dependents(uid).isEmpty()) {
        continue;
      }
      ObjectNode next = owner.get().deepCopy();
      ArrayNode finalizers = (ArrayNode) next.path("metadata").path("finalizers");
      for (int i = finalizers.size() - 1; i >= 0; i--) {
        if (finalizers.get(i).asString().equals("foregroundDeletion")) {
          finalizers.remove(i);
        }
      }
      String kindName = next.path("kind").asString();
      Kind<?> kind =
          Kinds.byKind(next.path("apiVersion").asString(), kindName)
              .orElseGet(() -> kindOfTree(next));
      objects.updateTree(kind, next, false);
    }
  }

  private static Kind<?> kindOfTree(ObjectNode tree) {
    throw new IllegalStateException("stored object without kind: " + tree.path("metadata"));
  }

  /** A namespace being terminated: delete what is left in it, then remove it when empty. */
  void finishNamespace(String namespace) {
    Optional<ObjectNode> ns = objects.getTree(Kinds.NAMESPACES, "", namespace);
    if (ns.isEmpty() || !ns.get().path("metadata").hasNonNull("deletionTimestamp")) {
      return;
    }
    List<Ref> left = objects.inNamespace(namespace);
    if (left.isEmpty()) {
      objects.removeNamespace(namespace);
      return;
    }
    for (Ref ref : left) {
      Kind<?> kind = JdbcClusterObjects.kindOf(ref.resource());
      Optional<ObjectNode> o = objects.getTree(kind, ref.namespace(), ref.name());
      if (o.isPresent() && !o.get().path("metadata").hasNonNull("deletionTimestamp")) {
        submit(
            () ->
                objects.deleteTree(kind, ref.namespace(), ref.name(), DeleteOptions.background()));
      }
    }
  }
}
