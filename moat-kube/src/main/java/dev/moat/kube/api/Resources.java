package dev.moat.kube.api;

import dev.moat.kube.api.Routes.Target;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.FieldSelector;
import dev.moat.kube.store.Kind;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeJson;
import dev.moat.kube.store.LabelSelector;
import dev.moat.kube.store.ListOptions;
import dev.moat.kube.store.ObjectList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** CRUD, list, patch and delete of objects; subresources go to {@link Subresources}. */
final class Resources {
  private final Watches watches;
  private final Subresources subresources;

  Resources(Clock clock) {
    this.watches = new Watches(clock);
    this.subresources = new Subresources(clock);
  }

  Answer handle(ApiRequest r, Target t) throws java.io.IOException {
    if (r.param("dryRun").isPresent()) {
      throw KubeException.badRequest("dryRun is not supported by this server");
    }
    if (t.subresource() != null) {
      return subresources.handle(r, t);
    }
    if (t.name() == null) {
      return collection(r, t);
    }
    Kind<?> kind = t.kind();
    ClusterObjects objects = r.objects();
    return switch (r.method()) {
      case "GET" -> {
        ObjectNode tree = tree(kind, objects.require(kind, t.namespace(), t.name()));
        yield r.wantsTable()
            ? ApiResponse.ok(Tables.table(kind, List.of(tree), rv(tree), r.now(), true))
            : ApiResponse.ok(tree);
      }
      case "PUT" -> {
        ObjectNode body = Bodies.decode(r, kind);
        checkIdentity(kind, t, body);
        if (objects.get(kind, t.namespace(), t.name()).isEmpty()) {
          throw KubeException.notFound(kind, t.name());
        }
        yield ApiResponse.ok(tree(kind, update(objects, kind, body, false)));
      }
      case "PATCH" -> patch(r, t, false);
      case "DELETE" -> {
        DeleteOptions options = Bodies.deleteOptions(r);
        HasMetadata last = objects.delete(kind, t.namespace(), t.name(), options);
        boolean gone = objects.get(kind, t.namespace(), t.name()).isEmpty();
        yield ApiResponse.json(gone ? 200 : 202, tree(kind, last));
      }
      default ->
          throw KubeException.methodNotAllowed(
              "the server does not allow this method on the requested resource");
    };
  }

  private Answer collection(ApiRequest r, Target t) {
    Kind<?> kind = t.kind();
    return switch (r.method()) {
      case "GET" -> {
        if (r.flag("watch")) {
          yield watches.watch(r, kind, selection(r, t));
        }
        yield list(r, kind, selection(r, t));
      }
      case "POST" -> {
        ObjectNode body = Bodies.decode(r, kind);
        if (kind.namespaced()) {
          String ns = body.path("metadata").path("namespace").asString("");
          if (!ns.isEmpty() && t.namespace() != null && !ns.equals(t.namespace())) {
            throw KubeException.badRequest(
                "the namespace of the provided object does not match the namespace sent on the"
                    + " request");
          }
          if (t.namespace() == null) {
            throw KubeException.methodNotAllowed(
                "the server does not allow this method on the requested resource");
          }
          ((ObjectNode) body.path("metadata")).put("namespace", t.namespace());
        }
        if (kind != Kinds.NODES) {
          body.remove("status"); // as the apiserver's PrepareForCreate: status is the system's
        }
        Fields.recordManager(body, r, "Update", r.now());
        HasMetadata created = create(r.objects(), kind, body);
        yield ApiResponse.json(201, tree(kind, created));
      }
      case "DELETE" -> {
        if (kind == Kinds.NAMESPACES) {
          throw KubeException.methodNotAllowed(
              "the server does not allow this method on the requested resource");
        }
        DeleteOptions options = Bodies.deleteOptions(r);
        ObjectList<?> matching = r.objects().list(kind, selection(r, t));
        List<Object> deleted = new ArrayList<>();
        for (HasMetadata o : matching.items()) {
          try {
            deleted.add(
                tree(
                    kind,
                    r.objects()
                        .delete(
                            kind,
                            o.getMetadata().getNamespace(),
                            o.getMetadata().getName(),
                            options)));
          } catch (KubeException e) {
            if (e.code() != 404) {
              throw e;
            }
          }
        }
        yield ApiResponse.ok(
            listBody(kind, deleted, r.objects().resourceVersion(), Optional.empty()));
      }
      default ->
          throw KubeException.methodNotAllowed(
              "the server does not allow this method on the requested resource");
    };
  }

  static ListOptions selection(ApiRequest r, Target t) {
    ListOptions o = ListOptions.all();
    if (t.namespace() != null) {
      o = o.withNamespace(t.namespace());
    }
    o = o.withLabels(LabelSelector.parse(r.param("labelSelector").orElse("")));
    o = o.withFields(FieldSelector.parse(r.param("fieldSelector").orElse("")));
    int limit = 0;
    if (r.param("limit").isPresent()) {
      try {
        limit = Integer.parseInt(r.param("limit").get());
      } catch (NumberFormatException e) {
        throw KubeException.badRequest("invalid limit: " + r.param("limit").get());
      }
    }
    return o.withPage(limit, r.param("continue"));
  }

  @SuppressWarnings("unchecked")
  private static ApiResponse list(ApiRequest r, Kind<?> kind, ListOptions options) {
    ObjectList<?> list = r.objects().list(kind, options);
    List<ObjectNode> items = new ArrayList<>();
    for (HasMetadata o : list.items()) {
      items.add(tree(kind, o));
    }
    if (r.wantsTable()) {
      Map<String, Object> table =
          Tables.table(kind, items, String.valueOf(list.resourceVersion()), r.now(), true);
      list.continueToken()
          .ifPresent(c -> ((Map<String, Object>) table.get("metadata")).put("continue", c));
      return ApiResponse.ok(table);
    }
    return ApiResponse.ok(
        listBody(kind, new ArrayList<>(items), list.resourceVersion(), list.continueToken()));
  }

  static Map<String, Object> listBody(
      Kind<?> kind, List<Object> items, long rv, Optional<String> continueToken) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceVersion", String.valueOf(rv));
    continueToken.ifPresent(c -> meta.put("continue", c));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind.kind() + "List");
    body.put("apiVersion", kind.apiVersion());
    body.put("metadata", meta);
    body.put("items", items);
    return body;
  }

  private Answer patch(ApiRequest r, Target t, boolean status) {
    Kind<?> kind = t.kind();
    ClusterObjects objects = r.objects();
    Optional<? extends HasMetadata> current = objects.get(kind, t.namespace(), t.name());
    String type = r.contentType();
    if (current.isEmpty()) {
      if (!type.equals(Bodies.APPLY)) {
        throw KubeException.notFound(kind, t.name());
      }
      ObjectNode applied = Bodies.decode(r, kind);
      checkIdentity(kind, t, applied);
      if (kind.namespaced()) {
        ((ObjectNode) applied.path("metadata")).put("namespace", t.namespace());
      }
      Fields.recordManager(applied, r, "Apply", r.now());
      HasMetadata created = create(objects, kind, applied);
      return ApiResponse.json(201, tree(kind, created));
    }
    ObjectNode live = tree(kind, current.get());
    ObjectNode patched = Patches.apply(r, kind, live, type);
    checkIdentity(kind, t, patched);
    Bodies.checkStrict(r, kind, patched);
    if (type.equals(Bodies.APPLY)) {
      Fields.recordManager(patched, r, "Apply", r.now());
    } else {
      Fields.recordManager(patched, r, "Update", r.now());
    }
    // A patch applies to what was read: a concurrent write in between is a conflict, not lost.
    ((ObjectNode) patched.path("metadata"))
        .put("resourceVersion", live.path("metadata").path("resourceVersion").asString());
    return ApiResponse.ok(tree(kind, update(objects, kind, patched, status)));
  }

  Answer patchStatus(ApiRequest r, Target t) {
    return patch(r, t, true);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static HasMetadata create(ClusterObjects objects, Kind kind, ObjectNode body) {
    return objects.create(kind, KubeJson.object(kind, body));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static HasMetadata update(ClusterObjects objects, Kind kind, ObjectNode body, boolean status) {
    HasMetadata object = KubeJson.object(kind, body);
    return status ? objects.updateStatus(kind, object) : objects.update(kind, object);
  }

  static void checkIdentity(Kind<?> kind, Target t, ObjectNode body) {
    String name = body.path("metadata").path("name").asString("");
    if (!name.isEmpty() && !name.equals(t.name())) {
      throw KubeException.badRequest(
          "the name of the object ("
              + name
              + ") does not match the name on the URL ("
              + t.name()
              + ")");
    }
    body.withObjectProperty("metadata").put("name", t.name());
    if (kind.namespaced() && t.namespace() != null) {
      String ns = body.path("metadata").path("namespace").asString("");
      if (!ns.isEmpty() && !ns.equals(t.namespace())) {
        throw KubeException.badRequest(
            "the namespace of the provided object does not match the namespace sent on the request");
      }
      ((ObjectNode) body.path("metadata")).put("namespace", t.namespace());
    }
  }

  static ObjectNode tree(Kind<?> kind, HasMetadata object) {
    ObjectNode tree = KubeJson.tree(object);
    tree.put("apiVersion", kind.apiVersion());
    tree.put("kind", kind.kind());
    return tree;
  }

  static String rv(JsonNode tree) {
    return tree.path("metadata").path("resourceVersion").asString("");
  }
}
