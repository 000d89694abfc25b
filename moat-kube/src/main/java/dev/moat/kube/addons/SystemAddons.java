package dev.moat.kube.addons;

import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code kube-system} workloads AKS installs, built from the component images the cluster's
 * nodes pulled at bootstrap (the bootstrap catalog's images of the cluster's Kubernetes version):
 * DaemonSets such as kube-proxy, azure-cns, azure-ip-masq-agent, cloud-node-manager and the CSI
 * node drivers (one pod per node), and the coredns Deployment (2 replicas) with its autoscaler,
 * metrics-server and konnectivity-agent when their images exist. Created once, as the addon manager
 * does; their pods pull through the same kubelet path as any workload.
 */
public final class SystemAddons {
  private static final Logger LOG = Logger.getLogger(SystemAddons.class.getName());
  private static final String NS = "kube-system";
  private static final String MCR = "mcr.microsoft.com/";

  /** A workload and the MCR repository (path) of its main image. */
  private record Addon(
      String name, String repository, boolean daemon, int replicas, boolean hostNetwork) {
    /** The {@code k8s-app} of its pods: coredns' pods are {@code kube-dns}, as on AKS. */
    String app() {
      return name.equals("coredns") ? "kube-dns" : name;
    }
  }

  private static final List<Addon> ADDONS =
      List.of(
          new Addon("kube-proxy", "oss/kubernetes/kube-proxy", true, 0, true),
          new Addon("azure-cns", "containernetworking/azure-cns", true, 0, true),
          new Addon("azure-ip-masq-agent", "ip-masq-agent", true, 0, true),
          new Addon("cloud-node-manager", "oss/kubernetes/azure-cloud-node-manager", true, 0, true),
          new Addon("csi-azuredisk-node", "oss/kubernetes-csi/azuredisk-csi", true, 0, true),
          new Addon("csi-azurefile-node", "oss/kubernetes-csi/azurefile-csi", true, 0, true),
          new Addon("coredns", "oss/v2/kubernetes/coredns", false, 2, false),
          new Addon("coredns-autoscaler", "cluster-proportional-autoscaler", false, 1, false),
          new Addon("metrics-server", "metrics-server", false, 2, false),
          new Addon("konnectivity-agent", "konnectivity-agent", false, 2, false));

  private SystemAddons() {}

  /**
   * Creates the addons whose images are among {@code images} ({@code mcr.microsoft.com/...:tag}
   * references) and the {@code kube-dns} Service at {@code dnsServiceIp}; existing ones are left
   * alone. Returns the names created.
   */
  public static List<String> ensure(
      ClusterObjects objects, List<String> images, String dnsServiceIp) {
    List<String> created = new ArrayList<>();
    for (Addon a : ADDONS) {
      Optional<String> image = image(images, a.repository());
      if (image.isEmpty()) {
        continue;
      }
      boolean exists =
          a.daemon()
              ? objects.get(Kinds.DAEMON_SETS, NS, a.name()).isPresent()
              : objects.get(Kinds.DEPLOYMENTS, NS, a.name()).isPresent();
      if (exists) {
        continue;
      }
      try {
        if (a.daemon()) {
          objects.create(
              Kinds.DAEMON_SETS,
              new DaemonSetBuilder()
                  .withNewMetadata()
                  .withName(a.name())
                  .withNamespace(NS)
                  .withLabels(labels(a.name()))
                  .endMetadata()
                  .withNewSpec()
                  .withNewSelector()
                  .withMatchLabels(Map.of("k8s-app", a.app()))
                  .endSelector()
                  .withTemplate(template(a, image.get(), images))
                  .endSpec()
                  .build());
        } else {
          objects.create(
              Kinds.DEPLOYMENTS,
              new DeploymentBuilder()
                  .withNewMetadata()
                  .withName(a.name())
                  .withNamespace(NS)
                  .withLabels(labels(a.name()))
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(a.replicas())
                  .withNewSelector()
                  .withMatchLabels(Map.of("k8s-app", a.app()))
                  .endSelector()
                  .withTemplate(template(a, image.get(), images))
                  .endSpec()
                  .build());
        }
        created.add(a.name());
      } catch (KubeException e) {
        if (e.code() != 409) {
          LOG.log(Level.WARNING, "addon " + a.name() + " not created: " + e.getMessage());
        }
      }
    }
    if (created.contains("coredns")) {
      kubeDns(objects, dnsServiceIp);
    }
    return created;
  }

  private static void kubeDns(ClusterObjects objects, String ip) {
    try {
      objects.create(
          Kinds.SERVICES,
          new ServiceBuilder()
              .withNewMetadata()
              .withName("kube-dns")
              .withNamespace(NS)
              .withLabels(labels("kube-dns"))
              .endMetadata()
              .withNewSpec()
              .withClusterIP(ip)
              .withClusterIPs(ip)
              .withType("ClusterIP")
              .withSelector(Map.of("k8s-app", "kube-dns"))
              .addNewPort()
              .withName("dns")
              .withPort(53)
              .withProtocol("UDP")
              .endPort()
              .addNewPort()
              .withName("dns-tcp")
              .withPort(53)
              .withProtocol("TCP")
              .endPort()
              .endSpec()
              .build());
    } catch (KubeException e) {
      if (e.code() != 409) {
        LOG.log(Level.WARNING, "kube-dns service not created: " + e.getMessage());
      }
    }
  }

  private static Map<String, String> labels(String app) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("k8s-app", app);
    l.put("kubernetes.azure.com/managedby", "aks");
    return l;
  }

  private static PodTemplateSpec template(Addon a, String image, List<String> images) {
    List<Container> containers = new ArrayList<>();
    containers.add(new ContainerBuilder().withName(a.name()).withImage(image).build());
    if (a.name().startsWith("csi-")) {
      image(images, "csi-node-driver-registrar")
          .ifPresent(
              i ->
                  containers.add(
                      new ContainerBuilder()
                          .withName("node-driver-registrar")
                          .withImage(i)
                          .build()));
      image(images, "livenessprobe")
          .ifPresent(
              i ->
                  containers.add(
                      new ContainerBuilder().withName("liveness-probe").withImage(i).build()));
    }
    Map<String, String> podLabels = labels(a.app());
    PodSpecBuilder spec =
        new PodSpecBuilder()
            .withContainers(containers)
            .withHostNetwork(a.hostNetwork() ? Boolean.TRUE : null)
            .withPriorityClassName(a.daemon() ? "system-node-critical" : "system-cluster-critical")
            .withNodeSelector(Map.of("kubernetes.io/os", "linux"))
            .withTolerations(
                new TolerationBuilder()
                    .withKey("CriticalAddonsOnly")
                    .withOperator("Exists")
                    .build());
    if (a.daemon()) {
      spec.addToTolerations(
          new TolerationBuilder().withOperator("Exists").withEffect("NoExecute").build());
      spec.addToTolerations(
          new TolerationBuilder().withOperator("Exists").withEffect("NoSchedule").build());
    }
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(podLabels)
        .endMetadata()
        .withSpec(spec.build())
        .build();
  }

  /** The first of {@code images} whose MCR repository is or ends with {@code repository}. */
  static Optional<String> image(List<String> images, String repository) {
    for (String i : images) {
      if (!i.startsWith(MCR) || i.contains("@")) {
        continue;
      }
      String path = i.substring(MCR.length());
      int colon = path.lastIndexOf(':');
      String repo = colon < 0 ? path : path.substring(0, colon);
      if (repo.equals(repository) || repo.endsWith("/" + repository)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
