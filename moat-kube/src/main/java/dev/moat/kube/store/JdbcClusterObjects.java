package dev.moat.kube.store;

import dev.moat.kube.store.ObjectRows.Ref;
import dev.moat.kube.store.ObjectRows.Row;
import dev.moat.kube.store.WatchEvent.Type;
import dev.moat.platform.store.Database;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusCause;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ClusterObjects} in Moat's database. Writes of one cluster are serialised by a lock that
 * also covers publishing, so watch events leave in resourceVersion order; reads run in their own
 * transactions. Objects are handled as JSON trees inside (defaulting must see absent fields) and
 * converted to fabric8 models at the edges.
 */
final class JdbcClusterObjects implements ClusterObjects {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int BATCH = 500;

  private final String key;
  private final Database db;
  private final Clock clock;
  private final ObjectRows rows;
  private final WatchHub hub;
  private final Dispatcher dispatcher;
  private final GarbageCollector gc;
  private final JdbcPodLogs logs;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Strategy> strategies = new HashMap<>();

  JdbcClusterObjects(
      String key,
      Database db,
      Clock clock,
      Dispatcher dispatcher,
      java.util.concurrent.Executor gcExecutor,
      int ringSize) {
    this.key = key;
    this.db = db;
    this.clock = clock;
    this.rows = new ObjectRows(key);
    this.dispatcher = dispatcher;
    this.logs = new JdbcPodLogs(db, key);
    for (Kind<?> k : Kinds.all()) {
      strategies.put(k.resource(), Strategies.of(k));
    }
    boolean created = db.inTransaction(rows::ensureCluster);
    this.hub = new WatchHub(ringSize, db.inTransaction(rows::currentRv));
    this.gc = new GarbageCollector(this, gcExecutor);
    if (created) {
      for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
        create(
            Kinds.NAMESPACES,
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName(ns)
                .endMetadata()
                .build());
        create(
            Kinds.SERVICE_ACCOUNTS,
            new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                .withNewMetadata()
                .withName("default")
                .withNamespace(ns)
                .endMetadata()
                .build());
      }
    }
  }

  @Override
  public String clusterKey() {
    return key;
  }

  @Override
  public PodLogs logs() {
    return logs;
  }

  @Override
  public long resourceVersion() {
    return db.inTransaction(rows::currentRv);
  }

  // ---------------------------------------------------------------- reads

  @Override
  public <T extends HasMetadata> Optional<T> get(Kind<T> kind, String namespace, String name) {
    // The stored body carries apiVersion, kind and its resourceVersion (stamped before writing):
    // it decodes straight to the model, without a tree in between.
    String ns = kind.namespaced() ? nullToEmpty(namespace) : "";
    return db.inTransaction(c -> rows.find(c, kind.resource(), ns, name))
        .map(r -> KubeJson.object(kind, r.body()));
  }

  Optional<ObjectNode> getTree(Kind<?> kind, String namespace, String name) {
    String ns = kind.namespaced() ? nullToEmpty(namespace) : "";
    return db.inTransaction(c -> rows.find(c, kind.resource(), ns, name)).map(r -> tree(r));
  }

  @Override
  public <T extends HasMetadata> ObjectList<T> list(Kind<T> kind, ListOptions options) {
    checkFields(kind, options.fields());
    Strategy strategy = strategy(kind);
    String namespace = kind.namespaced() ? options.namespace().orElse(null) : null;
    String node = nodeNameTerm(kind, options.fields());
    String[] after = decodeContinue(options.continueToken());
    int limit = options.limit() <= 0 ? Integer.MAX_VALUE : options.limit();
    boolean everything = options.labels().isEverything() && options.fields().isEverything();
    return db.inTransaction(
        c -> {
          long rv = rows.currentRv(c);
          List<T> items = new ArrayList<>();
          String afterNs = after == null ? null : after[0];
          String afterName = after == null ? null : after[1];
          boolean more = false;
          outer:
          while (true) {
            List<Row> page =
                rows.page(c, kind.resource(), namespace, node, afterNs, afterName, BATCH);
            for (Row row : page) {
              if (items.size() == limit) {
                more = true;
                break outer;
              }
              afterNs = row.namespace();
              afterName = row.name();
              if (everything) {
                items.add(KubeJson.object(kind, row.body()));
                continue;
              }
              ObjectNode tree = tree(row);
              if (WatchHub.matches(selectable(strategy, tree), options)) {
                items.add(KubeJson.object(kind, tree));
              }
            }
            if (page.size() < BATCH) {
              break;
            }
          }
          Optional<String> token =
              more ? Optional.of(encodeContinue(rv, afterNs, afterName)) : Optional.empty();
          return new ObjectList<>(items, rv, token, Optional.empty());
        });
  }

  private void checkFields(Kind<?> kind, FieldSelector fields) {
    for (FieldSelector.Term t : fields.terms()) {
      if (!t.field().equals("metadata.name")
          && !t.field().equals("metadata.namespace")
          && !strategy(kind).selectableFields().contains(t.field())) {
        throw KubeException.badRequest("field label not supported: " + t.field());
      }
    }
  }

  private static String nodeNameTerm(Kind<?> kind, FieldSelector fields) {
    if (kind != Kinds.PODS) {
      return null;
    }
    for (FieldSelector.Term t : fields.terms()) {
      if (t.field().equals("spec.nodeName") && t.equals() && !t.value().isEmpty()) {
        return t.value();
      }
    }
    return null;
  }

  private static String encodeContinue(long rv, String ns, String name) {
    String raw = rv + "\n" + ns + "\n" + name;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decodeContinue(Optional<String> token) {
    if (token.isEmpty() || token.get().isEmpty()) {
      return null;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException();
      }
      return new String[] {parts[1], parts[2]};
    } catch (IllegalArgumentException e) {
      throw KubeException.badRequest("continue key is not valid: " + token.get());
    }
  }

  // ---------------------------------------------------------------- writes

  @Override
  public <T extends HasMetadata> T create(Kind<T> kind, T object) {
    return KubeJson.object(kind, createTree(kind, KubeJson.tree(object)));
  }

  @Override
  public <T extends HasMetadata> List<Created<T>> createAll(Kind<T> kind, List<T> objects) {
    List<Prepared> prepared = new ArrayList<>();
    List<KubeException> refused = new ArrayList<>();
    for (T object : objects) {
      try {
        prepared.add(prepare(kind, KubeJson.tree(object), true));
        refused.add(null);
      } catch (KubeException e) {
        prepared.add(null);
        refused.add(e);
      }
    }
    List<ObjectNode> stored = new ArrayList<>();
    inWrite(
        tx -> {
          for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            ObjectNode tree = null;
            if (p != null) {
              try {
                tree = insert(tx, kind, p.namespace(), p.name(), p.tree());
              } catch (KubeException e) {
                refused.set(i, e); // checked before anything of it is written
              }
            }
            stored.add(tree);
          }
          return null;
        });
    List<Created<T>> out = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      out.add(
          stored.get(i) == null
              ? new Created<>(null, refused.get(i))
              : new Created<>(KubeJson.object(kind, stored.get(i)), null));
    }
    return out;
  }

  /** An object ready for insertion: defaulted, validated, named. */
  private record Prepared(String namespace, String name, ObjectNode tree, boolean generated) {}

  /**
   * Everything of a create before the transaction: identity fields reset, uid, defaults, a name
   * drawn from {@code generateName} when unset, validation (422).
   */
  private Prepared prepare(Kind<?> kind, ObjectNode input, boolean owned) {
    Strategy strategy = strategy(kind);
    ObjectNode tree = owned ? input : input.deepCopy();
    tree.put("apiVersion", kind.apiVersion());
    tree.put("kind", kind.kind());
    ObjectNode meta = metadata(tree);
    String ns = namespaceOf(kind, meta);
    for (String f :
        List.of(
            "uid",
            "resourceVersion",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "generation",
            "selfLink")) {
      meta.remove(f);
    }
    String generateName = meta.path("generateName").asString("");
    boolean generate = meta.path("name").asString("").isEmpty() && !generateName.isEmpty();
    meta.put("uid", UUID.randomUUID().toString());
    if (kind == Kinds.JOBS) {
      Strategies.Jobs.generateSelector(tree);
    }
    strategy.applyDefaults(tree);
    if (generate) {
      meta.put("name", generateName + randomSuffix());
    }
    List<StatusCause> causes = strategy.validate(tree);
    String name = meta.path("name").asString("");
    if (!causes.isEmpty()) {
      throw KubeException.invalid(kind, name, causes);
    }
    return new Prepared(ns, name, tree, generate);
  }

  ObjectNode createTree(Kind<?> kind, ObjectNode input) {
    for (int attempt = 0; ; attempt++) {
      Prepared p = prepare(kind, input, false);
      try {
        return inWrite(tx -> insert(tx, kind, p.namespace(), p.name(), p.tree()));
      } catch (KubeException e) {
        if (!p.generated() || attempt > 8 || !e.reason().equals("AlreadyExists")) {
          throw e;
        }
      }
    }
  }

  private ObjectNode insert(Tx tx, Kind<?> kind, String ns, String name, ObjectNode input)
      throws SQLException {
    ObjectNode tree = normalize(kind, input);
    if (kind.namespaced()) {
      Optional<Row> namespace = rows.find(tx.c, Kinds.NAMESPACES.resource(), "", ns);
      if (namespace.isEmpty()) {
        throw KubeException.notFound(Kinds.NAMESPACES, ns);
      }
      if (tree(namespace.get()).path("metadata").hasNonNull("deletionTimestamp")) {
        throw KubeException.forbidden(
            kind,
            name,
            "unable to create new content in namespace " + ns + " because it is being terminated");
      }
    }
    if (rows.find(tx.c, kind.resource(), ns, name).isPresent()) {
      throw KubeException.alreadyExists(kind, name);
    }
    ObjectNode meta = metadata(tree);
    meta.put("creationTimestamp", timestamp(clock.instant()));
    if (strategy(kind).tracksGeneration()) {
      meta.put("generation", 1);
    }
    long rv = tx.emit(kind, Type.ADDED, tree, null);
    rows.insert(tx.c, row(kind, ns, name, tx, rv), nodeName(kind, tree), ownerUids(tree));
    if (!ownerUids(tree).isEmpty()) {
      tx.after.add(() -> gc.verifyOwners(kind, ns, name, ownerUids(tree)));
    }
    return tree;
  }

  @Override
  public <T extends HasMetadata> T update(Kind<T> kind, T object) {
    return KubeJson.object(kind, updateTree(kind, KubeJson.tree(object), false));
  }

  @Override
  public <T extends HasMetadata> T updateStatus(Kind<T> kind, T object) {
    return KubeJson.object(kind, updateTree(kind, KubeJson.tree(object), true));
  }

  ObjectNode updateTree(Kind<?> kind, ObjectNode input, boolean statusOnly) {
    ObjectNode meta = metadata(input);
    String ns = namespaceOf(kind, meta);
    String name = meta.path("name").asString("");
    if (name.isEmpty()) {
      throw KubeException.invalid(
          kind,
          name,
          List.of(Validation.required("metadata.name", "name or generateName is required")));
    }
    String expected = meta.path("resourceVersion").asString("");
    return inWrite(
        tx -> {
          Row row =
              rows.find(tx.c, kind.resource(), ns, name)
                  .orElseThrow(() -> KubeException.notFound(kind, name));
          if (!expected.isEmpty() && !expected.equals(String.valueOf(row.rv()))) {
            throw KubeException.conflict(kind, name, KubeException.MODIFIED);
          }
          ObjectNode old = tree(row);
          ObjectNode next = statusOnly ? statusUpdate(old, input) : specUpdate(kind, old, input);
          return write(tx, kind, old, next, true);
        });
  }

  private ObjectNode statusUpdate(ObjectNode old, ObjectNode input) {
    ObjectNode next = old.deepCopy();
    if (input.has("status")) {
      next.set("status", input.get("status"));
    } else {
      next.remove("status");
    }
    return next;
  }

  private ObjectNode specUpdate(Kind<?> kind, ObjectNode old, ObjectNode input) {
    Strategy strategy = strategy(kind);
    ObjectNode next = input.deepCopy();
    next.put("apiVersion", kind.apiVersion());
    next.put("kind", kind.kind());
    if (old.has("status") && kind != Kinds.NAMESPACES) {
      next.set("status", old.get("status"));
    } else if (kind != Kinds.NAMESPACES) {
      next.remove("status");
    } else {
      next.set("status", old.path("status"));
    }
    ObjectNode meta = metadata(next);
    JsonNode oldMeta = old.path("metadata");
    for (String f :
        List.of(
            "uid",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "generation",
            "name",
            "namespace",
            "generateName")) {
      if (oldMeta.has(f)) {
        meta.set(f, oldMeta.get(f));
      } else {
        meta.remove(f);
      }
    }
    strategy.applyDefaults(next);
    next = normalize(kind, next);
    meta = metadata(next);
    List<StatusCause> causes = strategy.validateUpdate(old, next);
    if (!causes.isEmpty()) {
      throw KubeException.invalid(kind, meta.path("name").asString(), causes);
    }
    if (strategy.tracksGeneration() && !old.path("spec").equals(next.path("spec"))) {
      meta.put("generation", oldMeta.path("generation").asLong(0) + 1);
    }
    return next;
  }

  /** Writes {@code next} over {@code old}: no-op, update, or removal of a finalized object. */
  private ObjectNode write(Tx tx, Kind<?> kind, ObjectNode old, ObjectNode input)
      throws SQLException {
    return write(tx, kind, old, input, false);
  }

  /**
   * As {@link #write(Tx, Kind, ObjectNode, ObjectNode)}; {@code normalized} says {@code input} is
   * already in the model's form (a spec update normalizes; a status update puts a status that came
   * from the model on a stored body), which spares a model round trip per write.
   */
  private ObjectNode write(
      Tx tx, Kind<?> kind, ObjectNode old, ObjectNode input, boolean normalized)
      throws SQLException {
    ObjectNode next = normalized ? input : normalize(kind, input);
    ObjectNode meta = metadata(next);
    meta.put("resourceVersion", old.path("metadata").path("resourceVersion").asString());
    if (next.equals(old)) {
      return old; // the apiserver skips no-op writes: no new resourceVersion, no event
    }
    String ns = old.path("metadata").path("namespace").asString("");
    String name = old.path("metadata").path("name").asString();
    boolean deleting = meta.hasNonNull("deletionTimestamp");
    if (deleting
        && finalizers(next).isEmpty()
        && kind != Kinds.NAMESPACES
        && !gracefulPod(kind, next)) {
      return remove(tx, kind, next);
    }
    long rv = tx.emit(kind, Type.MODIFIED, next, old);
    rows.update(tx.c, row(kind, ns, name, tx, rv), nodeName(kind, next), ownerUids(next));
    return next;
  }

  /** A pod on a node whose grace period runs: its kubelet removes it. */
  private static boolean gracefulPod(Kind<?> kind, ObjectNode tree) {
    return kind == Kinds.PODS
        && !tree.path("spec").path("nodeName").asString("").isEmpty()
        && tree.path("metadata").path("deletionGracePeriodSeconds").asLong(0) > 0;
  }

  /**
   * Read, change and write in one write transaction: no conflicts to retry, one read. {@code
   * change} runs under the cluster's write lock, so it must only change the object it is given.
   */
  @Override
  public <T extends HasMetadata> Optional<T> modify(
      Kind<T> kind, String namespace, String name, boolean status, UnaryOperator<T> change) {
    return modify(kind, namespace, name, status ? Part.STATUS : Part.SPEC, change);
  }

  @Override
  public <T extends HasMetadata> Optional<T> modifyWithStatus(
      Kind<T> kind, String namespace, String name, UnaryOperator<T> change) {
    return modify(kind, namespace, name, Part.BOTH, change);
  }

  /** What a write changes: the spec side (metadata and spec), the status, or both. */
  private enum Part {
    SPEC,
    STATUS,
    BOTH
  }

  private <T extends HasMetadata> Optional<T> modify(
      Kind<T> kind, String namespace, String name, Part part, UnaryOperator<T> change) {
    return inWrite(tx -> modifyIn(tx, kind, namespace, name, part, change))
        .map(t -> KubeJson.object(kind, t));
  }

  @Override
  public <T extends HasMetadata> List<Optional<T>> modifyAllWithStatus(
      Kind<T> kind, List<Change<T>> changes) {
    List<Optional<ObjectNode>> written =
        inWrite(
            tx -> {
              List<Optional<ObjectNode>> out = new ArrayList<>();
              for (Change<T> c : changes) {
                try {
                  out.add(modifyIn(tx, kind, c.namespace(), c.name(), Part.BOTH, c.change()));
                } catch (KubeException e) {
                  out.add(Optional.empty()); // refused before anything of it was written
                }
              }
              return out;
            });
    return written.stream().map(o -> o.map(t -> KubeJson.object(kind, t))).toList();
  }

  /** One read-change-write inside {@code tx}; the tree as written, empty when absent. */
  private <T extends HasMetadata> Optional<ObjectNode> modifyIn(
      Tx tx, Kind<T> kind, String namespace, String name, Part part, UnaryOperator<T> change)
      throws SQLException {
    String ns = kind.namespaced() ? nullToEmpty(namespace) : "";
    Optional<Row> row = rows.find(tx.c, kind.resource(), ns, name);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode old = tree(row.get());
    T changed = change.apply(KubeJson.object(kind, row.get().body()));
    ObjectNode input = KubeJson.tree(changed);
    ObjectNode next = part == Part.STATUS ? statusUpdate(old, input) : specUpdate(kind, old, input);
    if (part == Part.BOTH) {
      next = statusUpdate(next, input); // the status as the model wrote it: normalized
    }
    return Optional.of(write(tx, kind, old, next, true));
  }

  @Override
  public <T extends HasMetadata> T delete(
      Kind<T> kind, String namespace, String name, DeleteOptions options) {
    return KubeJson.object(kind, deleteTree(kind, namespace, name, options));
  }

  ObjectNode deleteTree(Kind<?> kind, String namespace, String name, DeleteOptions options) {
    String ns = kind.namespaced() ? nullToEmpty(namespace) : "";
    return inWrite(
        tx -> {
          Row row =
              rows.find(tx.c, kind.resource(), ns, name)
                  .orElseThrow(() -> KubeException.notFound(kind, name));
          ObjectNode old = tree(row);
          checkPreconditions(kind, name, row, options);
          ObjectNode next = old.deepCopy();
          ObjectNode meta = metadata(next);
          String now = timestamp(clock.instant());
          if (kind == Kinds.NAMESPACES) {
            if (!meta.hasNonNull("deletionTimestamp")) {
              meta.put("deletionTimestamp", now);
              meta.put("deletionGracePeriodSeconds", 0);
              next.withObjectProperty("status").put("phase", "Terminating");
              tx.after.add(() -> gc.finishNamespace(name));
            }
            return write(tx, kind, old, next);
          }
          if (kind == Kinds.PODS && !next.path("spec").path("nodeName").asString("").isEmpty()) {
            long grace =
                options
                    .gracePeriodSeconds()
                    .orElse(next.path("spec").path("terminationGracePeriodSeconds").asLong(30));
            if (grace > 0) {
              if (!meta.hasNonNull("deletionTimestamp")) {
                meta.put("deletionTimestamp", timestamp(clock.instant().plusSeconds(grace)));
                meta.put("deletionGracePeriodSeconds", grace);
              }
              return write(tx, kind, old, next);
            }
            meta.put("deletionGracePeriodSeconds", 0);
          }
          switch (options.propagation()) {
            case ORPHAN -> orphanDependents(tx, meta.path("uid").asString());
            case FOREGROUND -> {
              if (!rows.dependents(tx.c, meta.path("uid").asString()).isEmpty()) {
                ArrayNode finalizers = meta.withArray("finalizers");
                if (!finalizers.toString().contains("\"foregroundDeletion\"")) {
                  finalizers.add("foregroundDeletion");
                }
                String uid = meta.path("uid").asString();
                tx.after.add(() -> gc.deleteDependents(uid));
              }
            }
            case BACKGROUND -> {}
          }
          if (!finalizers(next).isEmpty()) {
            if (!meta.hasNonNull("deletionTimestamp")) {
              meta.put("deletionTimestamp", now);
              meta.put("deletionGracePeriodSeconds", 0);
            }
            return write(tx, kind, old, next);
          }
          return remove(tx, kind, next);
        });
  }

  private void checkPreconditions(Kind<?> kind, String name, Row row, DeleteOptions options) {
    if (options.preconditionUid().isPresent()
        && !options.preconditionUid().get().equals(row.uid())) {
      throw KubeException.conflict(
          kind,
          name,
          "Precondition failed: UID in precondition: "
              + options.preconditionUid().get()
              + ", UID in object meta: "
              + row.uid());
    }
    if (options.preconditionResourceVersion().isPresent()
        && !options.preconditionResourceVersion().get().equals(String.valueOf(row.rv()))) {
      throw KubeException.conflict(
          kind,
          name,
          "Precondition failed: ResourceVersion in precondition: "
              + options.preconditionResourceVersion().get()
              + ", ResourceVersion in object meta: "
              + row.rv());
    }
  }

  private void orphanDependents(Tx tx, String uid) throws SQLException {
    for (Ref ref : rows.dependents(tx.c, uid)) {
      Kind<?> dk = kindOf(ref.resource());
      Optional<Row> row = rows.find(tx.c, ref.resource(), ref.namespace(), ref.name());
      if (row.isEmpty()) {
        continue;
      }
      ObjectNode old = tree(row.get());
      ObjectNode next = old.deepCopy();
      if (metadata(next).get("ownerReferences") instanceof ArrayNode refs) {
        for (int i = refs.size() - 1; i >= 0; i--) {
          if (refs.get(i).path("uid").asString().equals(uid)) {
            refs.remove(i);
          }
        }
        if (refs.isEmpty()) {
          metadata(next).remove("ownerReferences");
        }
      }
      write(tx, dk, old, next);
    }
  }

  /** Removes the row; the DELETED event carries the object at the removal's resourceVersion. */
  private ObjectNode remove(Tx tx, Kind<?> kind, ObjectNode tree) throws SQLException {
    ObjectNode meta = metadata(tree);
    String ns = meta.path("namespace").asString("");
    String name = meta.path("name").asString();
    String uid = meta.path("uid").asString();
    List<String> owners = ownerUids(tree);
    tx.emit(kind, Type.DELETED, tree, null);
    rows.delete(tx.c, kind.resource(), ns, name);
    tx.after.add(() -> gc.ownerRemoved(uid));
    if (!owners.isEmpty()) {
      tx.after.add(() -> gc.dependentRemoved(owners));
    }
    if (kind.namespaced()) {
      tx.after.add(() -> gc.finishNamespace(ns));
    }
    if (kind == Kinds.PODS) {
      tx.after.add(() -> logs.remove(ns, name));
    }
    return tree;
  }

  /** Removes a namespace whose contents are gone (the namespace controller's last step). */
  void removeNamespace(String name) {
    inWrite(
        tx -> {
          Optional<Row> row = rows.find(tx.c, Kinds.NAMESPACES.resource(), "", name);
          if (row.isPresent() && rows.inNamespace(tx.c, name).isEmpty()) {
            remove(tx, Kinds.NAMESPACES, tree(row.get()));
          }
          return null;
        });
  }

  @Override
  public <T extends HasMetadata> Watch<T> watch(
      Kind<T> kind, ListOptions selection, long resourceVersion) {
    checkFields(kind, selection.fields());
    ListOptions scoped = kind.namespaced() ? selection : selection.withPage(0, Optional.empty());
    ListOptions unpaged = scoped.withPage(0, Optional.empty());
    if (resourceVersion > 0) {
      hub.checkRetained(resourceVersion);
      return new StoreWatch<>(hub, kind, unpaged, resourceVersion, new ArrayDeque<>());
    }
    ObjectList<T> current = list(kind, unpaged);
    Deque<WatchEvent<T>> initial = new ArrayDeque<>();
    for (T item : current.items()) {
      initial.add(
          new WatchEvent<>(
              Type.ADDED, item, Long.parseLong(item.getMetadata().getResourceVersion())));
    }
    return new StoreWatch<>(hub, kind, unpaged, current.resourceVersion(), initial);
  }

  @Override
  public <T extends HasMetadata> Registration listen(Kind<T> kind, Listener<T> listener) {
    return dispatcher.register(key, kind, listener);
  }

  // ---------------------------------------------------------------- plumbing for the collector

  List<Ref> dependents(String uid) {
    return db.inTransaction(c -> rows.dependents(c, uid));
  }

  Optional<ObjectNode> byUid(String uid) {
    return db.inTransaction(
        c -> {
          Optional<Ref> ref = rows.byUid(c, uid);
          if (ref.isEmpty()) {
            return Optional.<ObjectNode>empty();
          }
          return rows.find(c, ref.get().resource(), ref.get().namespace(), ref.get().name())
              .map(this::tree);
        });
  }

  List<Ref> inNamespace(String namespace) {
    return db.inTransaction(c -> rows.inNamespace(c, namespace));
  }

  static Kind<?> kindOf(String resource) {
    int dot = resource.indexOf('.');
    String plural = dot < 0 ? resource : resource.substring(0, dot);
    String group = dot < 0 ? "" : resource.substring(dot + 1);
    return Kinds.byResource(group, plural).orElseThrow();
  }

  /** Removes every row of this cluster (the store forgets the instance). */
  void deleteAll() {
    inWrite(
        tx -> {
          rows.deleteCluster(tx.c);
          return null;
        });
  }

  // ---------------------------------------------------------------- transactions

  /** One write transaction: its connection, the events to publish and work to run after commit. */
  final class Tx {
    Connection c;
    final List<WatchHub.Entry> events = new ArrayList<>();

    /** The events' JSON text, for the dispatcher (the ring keeps it deflated). */
    final List<String> texts = new ArrayList<>();

    final List<Runnable> after = new ArrayList<>();

    /** The uid and JSON text of the last emitted object (written once, stored and published). */
    String lastUid;

    String lastBody;

    /** Advances the resourceVersion, stamps it on {@code tree} and records the event. */
    long emit(Kind<?> kind, Type type, ObjectNode tree, ObjectNode before) throws SQLException {
      long rv = rows.nextRv(c);
      metadata(tree).put("resourceVersion", String.valueOf(rv));
      Strategy strategy = strategy(kind);
      lastUid = metadata(tree).path("uid").asString();
      lastBody = KubeJson.write(tree);
      texts.add(lastBody);
      events.add(
          WatchHub.Entry.of(
              rv,
              type,
              kind.resource(),
              metadata(tree).path("namespace").asString(""),
              lastBody,
              selectable(strategy, tree),
              before == null ? null : selectable(strategy, before)));
      return rv;
    }
  }

  @FunctionalInterface
  interface TxWork<R> {
    R run(Tx tx) throws SQLException;
  }

  <R> R inWrite(TxWork<R> work) {
    writeLock.lock();
    try {
      Tx tx = new Tx();
      R result =
          db.inTransaction(
              c -> {
                tx.c = c;
                tx.events.clear();
                tx.texts.clear();
                tx.after.clear();
                return work.run(tx);
              });
      for (int i = 0; i < tx.events.size(); i++) {
        hub.publish(tx.events.get(i));
        dispatcher.dispatch(key, tx.events.get(i), tx.texts.get(i));
      }
      tx.after.forEach(gc::submit);
      return result;
    } finally {
      writeLock.unlock();
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The tree as the model writes it, so stored bodies and incoming objects compare equal when they
   * mean the same (no-op updates are detected by comparing trees).
   */
  private static ObjectNode normalize(Kind<?> kind, ObjectNode tree) {
    return KubeJson.tree(KubeJson.object(kind, tree));
  }

  private Strategy strategy(Kind<?> kind) {
    return strategies.get(kind.resource());
  }

  private ObjectNode tree(Row row) {
    ObjectNode tree = KubeJson.parse(row.body());
    metadata(tree).put("resourceVersion", String.valueOf(row.rv()));
    return tree;
  }

  /** The row of the object {@code tx} just emitted, with the body text the event carries. */
  private static Row row(Kind<?> kind, String ns, String name, Tx tx, long rv) {
    return new Row(kind.resource(), ns, name, tx.lastUid, rv, tx.lastBody);
  }

  static ObjectNode metadata(ObjectNode tree) {
    return tree.get("metadata") instanceof ObjectNode m ? m : tree.putObject("metadata");
  }

  private static String namespaceOf(Kind<?> kind, ObjectNode meta) {
    if (!kind.namespaced()) {
      meta.remove("namespace");
      return "";
    }
    String ns = meta.path("namespace").asString("");
    if (ns.isEmpty()) {
      throw KubeException.badRequest("an empty namespace may not be set during creation");
    }
    return ns;
  }

  private static String nodeName(Kind<?> kind, ObjectNode tree) {
    String node = tree.path("spec").path("nodeName").asString("");
    return kind == Kinds.PODS && !node.isEmpty() ? node : null;
  }

  static List<String> ownerUids(ObjectNode tree) {
    List<String> uids = new ArrayList<>();
    for (JsonNode ref : tree.path("metadata").path("ownerReferences")) {
      if (ref.hasNonNull("uid")) {
        uids.add(ref.get("uid").asString());
      }
    }
    return uids;
  }

  static List<String> finalizers(ObjectNode tree) {
    List<String> out = new ArrayList<>();
    tree.path("metadata").path("finalizers").forEach(f -> out.add(f.asString()));
    return out;
  }

  WatchHub.Selectable selectable(Strategy strategy, ObjectNode tree) {
    Map<String, String> labels = Strategies.labels(tree.path("metadata").path("labels"));
    Map<String, String> fields = new HashMap<>();
    fields.put("metadata.name", tree.path("metadata").path("name").asString(""));
    fields.put("metadata.namespace", tree.path("metadata").path("namespace").asString(""));
    for (String f : strategy.selectableFields()) {
      fields.put(f, strategy.fieldValue(tree, f));
    }
    return new WatchHub.Selectable(labels, fields);
  }

  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private String randomSuffix() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
