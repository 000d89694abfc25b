package dev.moat.kube.api;

import dev.moat.kube.api.Tables.Column;
import dev.moat.kube.api.Tables.Printer;
import dev.moat.kube.store.Kind;
import dev.moat.kube.store.KubeJson;
import dev.moat.kube.store.LabelSelector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/** The printers of each kind (printers.go {@code AddHandlers}). */
final class Printers {
  private Printers() {}

  /**
   * A table's columns in kubectl's order, comma-separated: {@code #} after a name makes it an
   * integer column, {@code *} a wide one (priority 1, shown with {@code -o wide}).
   */
  private static List<Column> columns(String spec) {
    List<Column> columns = new java.util.ArrayList<>();
    for (String part : spec.split(",")) {
      boolean wide = part.endsWith("*");
      String name = wide ? part.substring(0, part.length() - 1) : part;
      boolean integer = name.endsWith("#");
      name = integer ? name.substring(0, name.length() - 1) : name;
      columns.add(new Column(name, integer ? "integer" : "string", wide ? 1 : 0, ""));
    }
    return List.copyOf(columns);
  }

  private static Printer printer(
      List<Column> columns, BiFunction<JsonNode, Instant, List<Object>> cells) {
    return new Printer() {
      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(JsonNode object, Instant now) {
        return cells.apply(object, now);
      }
    };
  }

  static Printer of(Kind<?> kind) {
    return switch (kind.plural()) {
      case "pods" ->
          printer(
              columns("Name,Ready,Status,Restarts,Age,IP*,Node*,Nominated Node*,Readiness Gates*"),
              PodPrinter::cells);
      case "deployments" ->
          printer(
              columns("Name,Ready,Up-to-date#,Available#,Age,Containers*,Images*,Selector*"),
              (o, now) ->
                  withTemplate(
                      o,
                      List.of(
                          name(o),
                          o.path("status").path("readyReplicas").asInt(0)
                              + "/"
                              + o.path("spec").path("replicas").asInt(0),
                          o.path("status").path("updatedReplicas").asInt(0),
                          o.path("status").path("availableReplicas").asInt(0),
                          Tables.age(created(o), now)),
                      true));
      case "replicasets" ->
          printer(
              columns("Name,Desired#,Current#,Ready#,Age,Containers*,Images*,Selector*"),
              (o, now) ->
                  withTemplate(
                      o,
                      List.of(
                          name(o),
                          o.path("spec").path("replicas").asInt(0),
                          o.path("status").path("replicas").asInt(0),
                          o.path("status").path("readyReplicas").asInt(0),
                          Tables.age(created(o), now)),
                      true));
      case "daemonsets" ->
          printer(
              columns(
                  "Name,Desired#,Current#,Ready#,Up-to-date#,Available#,Node Selector,Age,Containers*,Images*,Selector*"),
              (o, now) -> {
                JsonNode s = o.path("status");
                return withTemplate(
                    o,
                    List.of(
                        name(o),
                        s.path("desiredNumberScheduled").asInt(0),
                        s.path("currentNumberScheduled").asInt(0),
                        s.path("numberReady").asInt(0),
                        s.path("updatedNumberScheduled").asInt(0),
                        s.path("numberAvailable").asInt(0),
                        labels(o.path("spec").path("template").path("spec").path("nodeSelector")),
                        Tables.age(created(o), now)),
                    true);
              });
      case "statefulsets" ->
          printer(
              columns("Name,Ready,Age,Containers*,Images*"),
              (o, now) ->
                  withTemplate(
                      o,
                      List.of(
                          name(o),
                          o.path("status").path("readyReplicas").asInt(0)
                              + "/"
                              + o.path("spec").path("replicas").asInt(0),
                          Tables.age(created(o), now)),
                      false));
      case "jobs" ->
          printer(
              columns("Name,Status,Completions,Duration,Age,Containers*,Images*,Selector*"),
              Printers::job);
      case "services" ->
          printer(
              columns("Name,Type,Cluster-IP,External-IP,Port(s),Age,Selector*"), Printers::service);
      case "events" ->
          printer(
              columns(
                  "Last Seen,Type,Reason,Object,Subobject*,Source*,Message,First Seen*,Count*,Name*"),
              Printers::event);
      case "nodes" ->
          printer(
              columns(
                  "Name,Status,Roles,Age,Version,Internal-IP*,External-IP*,OS-Image*,Kernel-Version*,Container-Runtime*"),
              Printers::node);
      case "namespaces" ->
          printer(
              columns("Name,Status,Age"),
              (o, now) ->
                  List.of(
                      name(o),
                      o.path("status").path("phase").asString(""),
                      Tables.age(created(o), now)));
      case "configmaps" ->
          printer(
              columns("Name,Data,Age"),
              (o, now) ->
                  List.of(
                      name(o),
                      o.path("data").size() + o.path("binaryData").size(),
                      Tables.age(created(o), now)));
      case "secrets" ->
          printer(
              columns("Name,Type,Data,Age"),
              (o, now) ->
                  List.of(
                      name(o),
                      o.path("type").asString(""),
                      o.path("data").size(),
                      Tables.age(created(o), now)));
      case "serviceaccounts" ->
          printer(
              columns("Name,Secrets,Age"),
              (o, now) -> List.of(name(o), o.path("secrets").size(), Tables.age(created(o), now)));
      case "endpoints" ->
          printer(
              columns("Name,Endpoints,Age"),
              (o, now) -> List.of(name(o), endpoints(o), Tables.age(created(o), now)));
      default ->
          printer(columns("Name,Age"), (o, now) -> List.of(name(o), Tables.age(created(o), now)));
    };
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asString("");
  }

  static JsonNode created(JsonNode o) {
    return o.path("metadata").path("creationTimestamp");
  }

  static String labels(JsonNode map) {
    if (map.isEmpty()) {
      return "<none>";
    }
    List<String> parts = new ArrayList<>();
    map.properties().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asString()));
    return String.join(",", parts);
  }

  private static List<Object> withTemplate(JsonNode o, List<Object> cells, boolean selector) {
    List<Object> out = new ArrayList<>(cells);
    List<String> names = new ArrayList<>();
    List<String> images = new ArrayList<>();
    for (JsonNode c : o.path("spec").path("template").path("spec").path("containers")) {
      names.add(c.path("name").asString(""));
      images.add(c.path("image").asString(""));
    }
    out.add(String.join(",", names));
    out.add(String.join(",", images));
    if (selector) {
      out.add(selector(o.path("spec").path("selector")));
    }
    return out;
  }

  static String selector(JsonNode selector) {
    if (selector.isMissingNode() || selector.isNull()) {
      return "<none>";
    }
    String s =
        LabelSelector.of(
                KubeJson.mapper()
                    .convertValue(selector, io.fabric8.kubernetes.api.model.LabelSelector.class))
            .toString();
    return s.isEmpty() ? "<none>" : s;
  }

  private static List<Object> job(JsonNode o, Instant now) {
    JsonNode status = o.path("status");
    String state = "Running";
    for (JsonNode cond : status.path("conditions")) {
      if (cond.path("status").asString("").equals("True")) {
        switch (cond.path("type").asString("")) {
          case "Complete" -> state = "Complete";
          case "Failed" -> state = "Failed";
          case "Suspended" -> state = "Suspended";
          case "FailureTarget" -> state = "FailureTarget";
          case "SuccessCriteriaMet" -> state = "SuccessCriteriaMet";
          default -> {}
        }
      }
    }
    String completions =
        o.path("spec").has("completions")
            ? status.path("succeeded").asInt(0) + "/" + o.path("spec").path("completions").asInt()
            : status.path("succeeded").asInt(0)
                + "/1 of "
                + o.path("spec").path("parallelism").asInt(1);
    String duration = "";
    if (status.hasNonNull("startTime")) {
      Instant start = Instant.parse(status.get("startTime").asString());
      Instant end =
          status.hasNonNull("completionTime")
              ? Instant.parse(status.get("completionTime").asString())
              : now;
      duration = Tables.human(java.time.Duration.between(start, end));
    }
    return withTemplate(
        o, List.of(name(o), state, completions, duration, Tables.age(created(o), now)), true);
  }

  private static List<Object> service(JsonNode o, Instant now) {
    JsonNode spec = o.path("spec");
    String type = spec.path("type").asString("ClusterIP");
    String clusterIp = spec.path("clusterIP").asString("");
    if (clusterIp.isEmpty()) {
      clusterIp = "<none>";
    }
    List<String> external = new ArrayList<>();
    spec.path("externalIPs").forEach(i -> external.add(i.asString()));
    for (JsonNode ing : o.path("status").path("loadBalancer").path("ingress")) {
      external.add(ing.path("ip").asString(ing.path("hostname").asString("")));
    }
    String ext =
        switch (type) {
          case "ExternalName" -> spec.path("externalName").asString("");
          case "LoadBalancer" -> external.isEmpty() ? "<pending>" : String.join(",", external);
          default -> external.isEmpty() ? "<none>" : String.join(",", external);
        };
    List<String> ports = new ArrayList<>();
    for (JsonNode p : spec.path("ports")) {
      String port =
          p.path("port").asInt()
              + (p.has("nodePort") ? ":" + p.path("nodePort").asInt() : "")
              + "/"
              + p.path("protocol").asString("TCP");
      ports.add(port);
    }
    return List.of(
        name(o),
        type,
        clusterIp,
        ext,
        ports.isEmpty() ? "<none>" : String.join(",", ports),
        Tables.age(created(o), now),
        labels(spec.path("selector")));
  }

  private static List<Object> event(JsonNode o, Instant now) {
    JsonNode last = o.hasNonNull("lastTimestamp") ? o.get("lastTimestamp") : o.path("eventTime");
    JsonNode first = o.hasNonNull("firstTimestamp") ? o.get("firstTimestamp") : o.path("eventTime");
    JsonNode io = o.path("involvedObject");
    String object =
        io.path("kind").asString("").toLowerCase(java.util.Locale.ROOT)
            + "/"
            + io.path("name").asString("");
    String source =
        o.path("source").path("component").asString(o.path("reportingComponent").asString(""));
    if (o.path("source").hasNonNull("host")) {
      source = source + ", " + o.path("source").path("host").asString();
    }
    return List.of(
        Tables.age(last.isMissingNode() ? created(o) : last, now),
        o.path("type").asString(""),
        o.path("reason").asString(""),
        object,
        io.path("fieldPath").asString(""),
        source,
        o.path("message").asString("").strip(),
        Tables.age(first.isMissingNode() ? created(o) : first, now),
        o.path("count").asInt(1),
        name(o));
  }

  private static List<Object> node(JsonNode o, Instant now) {
    String status = "Unknown";
    for (JsonNode cond : o.path("status").path("conditions")) {
      if (cond.path("type").asString("").equals("Ready")) {
        status = cond.path("status").asString("").equals("True") ? "Ready" : "NotReady";
      }
    }
    if (o.path("spec").path("unschedulable").asBoolean(false)) {
      status = status + ",SchedulingDisabled";
    }
    List<String> roles = new ArrayList<>();
    o.path("metadata")
        .path("labels")
        .properties()
        .forEach(
            e -> {
              if (e.getKey().startsWith("node-role.kubernetes.io/")) {
                roles.add(e.getKey().substring("node-role.kubernetes.io/".length()));
              } else if (e.getKey().equals("kubernetes.io/role")) {
                roles.add(e.getValue().asString());
              }
            });
    String internal = "<none>";
    String external = "<none>";
    for (JsonNode a : o.path("status").path("addresses")) {
      if (a.path("type").asString("").equals("InternalIP")) {
        internal = a.path("address").asString();
      } else if (a.path("type").asString("").equals("ExternalIP")) {
        external = a.path("address").asString();
      }
    }
    JsonNode info = o.path("status").path("nodeInfo");
    return List.of(
        name(o),
        status,
        roles.isEmpty() ? "<none>" : String.join(",", roles.stream().sorted().toList()),
        Tables.age(created(o), now),
        info.path("kubeletVersion").asString(""),
        internal,
        external,
        info.path("osImage").asString("<unknown>"),
        info.path("kernelVersion").asString("<unknown>"),
        info.path("containerRuntimeVersion").asString("<unknown>"));
  }

  private static String endpoints(JsonNode o) {
    List<String> list = new ArrayList<>();
    for (JsonNode subset : o.path("subsets")) {
      for (JsonNode a : subset.path("addresses")) {
        if (subset.path("ports").isEmpty()) {
          list.add(a.path("ip").asString());
        }
        for (JsonNode p : subset.path("ports")) {
          list.add(a.path("ip").asString() + ":" + p.path("port").asInt());
        }
      }
    }
    if (list.isEmpty()) {
      return "<none>";
    }
    return list.size() > 3
        ? String.join(",", list.subList(0, 3)) + " + " + (list.size() - 3) + " more..."
        : String.join(",", list);
  }
}
