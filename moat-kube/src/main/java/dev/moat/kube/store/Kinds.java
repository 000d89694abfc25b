package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Optional;

/**
 * The resource types every cluster serves. Discovery, routing, storage and Table output are derived
 * from this table, so adding a kind here (plus its strategy and printer) is all it takes.
 */
public final class Kinds {
  private static final List<String> ALL = List.of("all");

  public static final Kind<Namespace> NAMESPACES =
      new Kind<>(
          "", "v1", "namespaces", "Namespace", false, List.of("ns"), List.of(), Namespace.class);
  public static final Kind<Node> NODES =
      new Kind<>("", "v1", "nodes", "Node", false, List.of("no"), List.of(), Node.class);
  public static final Kind<Pod> PODS =
      new Kind<>("", "v1", "pods", "Pod", true, List.of("po"), ALL, Pod.class);
  public static final Kind<Service> SERVICES =
      new Kind<>("", "v1", "services", "Service", true, List.of("svc"), ALL, Service.class);
  public static final Kind<Endpoints> ENDPOINTS =
      new Kind<>(
          "", "v1", "endpoints", "Endpoints", true, List.of("ep"), List.of(), Endpoints.class);
  public static final Kind<ConfigMap> CONFIG_MAPS =
      new Kind<>(
          "", "v1", "configmaps", "ConfigMap", true, List.of("cm"), List.of(), ConfigMap.class);
  public static final Kind<Secret> SECRETS =
      new Kind<>("", "v1", "secrets", "Secret", true, List.of(), List.of(), Secret.class);
  public static final Kind<ServiceAccount> SERVICE_ACCOUNTS =
      new Kind<>(
          "",
          "v1",
          "serviceaccounts",
          "ServiceAccount",
          true,
          List.of("sa"),
          List.of(),
          ServiceAccount.class);
  public static final Kind<Event> EVENTS =
      new Kind<>("", "v1", "events", "Event", true, List.of("ev"), List.of(), Event.class);
  public static final Kind<Deployment> DEPLOYMENTS =
      new Kind<>(
          "apps",
          "v1",
          "deployments",
          "Deployment",
          true,
          List.of("deploy"),
          ALL,
          Deployment.class);
  public static final Kind<ReplicaSet> REPLICA_SETS =
      new Kind<>(
          "apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs"), ALL, ReplicaSet.class);
  public static final Kind<DaemonSet> DAEMON_SETS =
      new Kind<>(
          "apps", "v1", "daemonsets", "DaemonSet", true, List.of("ds"), ALL, DaemonSet.class);
  public static final Kind<StatefulSet> STATEFUL_SETS =
      new Kind<>(
          "apps",
          "v1",
          "statefulsets",
          "StatefulSet",
          true,
          List.of("sts"),
          ALL,
          StatefulSet.class);
  public static final Kind<Job> JOBS =
      new Kind<>("batch", "v1", "jobs", "Job", true, List.of(), ALL, Job.class);

  private static final List<Kind<?>> KINDS =
      List.of(
          NAMESPACES,
          NODES,
          PODS,
          SERVICES,
          ENDPOINTS,
          CONFIG_MAPS,
          SECRETS,
          SERVICE_ACCOUNTS,
          EVENTS,
          DEPLOYMENTS,
          REPLICA_SETS,
          DAEMON_SETS,
          STATEFUL_SETS,
          JOBS);

  private Kinds() {}

  /** Every served kind, in discovery order. */
  public static List<Kind<?>> all() {
    return KINDS;
  }

  /** The kind served as {@code plural} in {@code group} (any version this table serves). */
  public static Optional<Kind<?>> byResource(String group, String plural) {
    return KINDS.stream()
        .filter(k -> k.group().equals(group) && k.plural().equals(plural))
        .findFirst();
  }

  /** The kind of an object by its {@code apiVersion} and {@code kind} fields. */
  public static Optional<Kind<?>> byKind(String apiVersion, String kind) {
    return KINDS.stream()
        .filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind))
        .findFirst();
  }

  /** The kind whose model class is {@code type}. */
  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> Optional<Kind<T>> byType(Class<T> type) {
    return KINDS.stream().filter(k -> k.type() == type).map(k -> (Kind<T>) k).findFirst();
  }
}
