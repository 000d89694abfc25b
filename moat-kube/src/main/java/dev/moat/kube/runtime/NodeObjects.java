package dev.moat.kube.runtime;

import dev.moat.kube.runtime.ClusterState.ClusterNode;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The v1 Node of a cluster node: AKS's labels, conditions, capacity, addresses and images. */
final class NodeObjects {
  static final String IMAGED_AT = "moat.dev/imaged-at";

  private NodeObjects() {}

  static Map<String, String> labels(ClusterNode n, String region) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("agentpool", n.agentPool());
    l.put("beta.kubernetes.io/arch", "amd64");
    l.put("beta.kubernetes.io/os", "linux");
    l.put("kubernetes.azure.com/agentpool", n.agentPool());
    l.put("kubernetes.azure.com/cluster", n.spec().cluster().name());
    l.put(
        "kubernetes.azure.com/mode",
        n.mode() == null ? "system" : n.mode().toLowerCase(java.util.Locale.ROOT));
    l.put("kubernetes.azure.com/node-image-version", String.valueOf(n.spec().nodeImageVersion()));
    l.put("kubernetes.azure.com/os-sku", "Ubuntu");
    l.put("kubernetes.azure.com/role", "agent");
    l.put("kubernetes.io/arch", "amd64");
    l.put("kubernetes.io/hostname", n.name());
    l.put("kubernetes.io/os", "linux");
    l.put("kubernetes.io/role", "agent");
    l.put("node-role.kubernetes.io/agent", "");
    l.put("node.kubernetes.io/instance-type", "Standard_DS2_v2");
    return l;
  }

  /**
   * {@code node.kubernetes.io/not-ready} taints on a NotReady node (what the node controller adds).
   */
  static List<Taint> taints(ClusterNode n) {
    if (n.ready()) {
      return List.of();
    }
    return List.of(
        new TaintBuilder().withKey("node.kubernetes.io/not-ready").withEffect("NoSchedule").build(),
        new TaintBuilder().withKey("node.kubernetes.io/not-ready").withEffect("NoExecute").build());
  }

  static Node build(ClusterNode n, String podCidr, String created) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(n.name())
        .withLabels(labels(n, null))
        .addToAnnotations(IMAGED_AT, String.valueOf(n.imagedAt()))
        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
        .endMetadata()
        .withNewSpec()
        .withPodCIDR(podCidr)
        .withPodCIDRs(podCidr)
        .withProviderID(
            "azure://"
                + n.spec().agentPool().toString().toLowerCase(java.util.Locale.ROOT)
                + "/virtualMachines/"
                + n.name().substring(n.name().lastIndexOf('-') + 1))
        .withTaints(taints(n))
        .endSpec()
        .withNewStatus()
        .endStatus()
        .build();
  }

  static void status(Node node, ClusterNode n, String now, boolean reimaged) {
    var s = node.getStatus();
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", new Quantity("2"));
    capacity.put("ephemeral-storage", new Quantity("129886128Ki"));
    capacity.put("memory", new Quantity("7097684Ki"));
    capacity.put("pods", new Quantity(String.valueOf(n.maxPods())));
    Map<String, Quantity> allocatable = new LinkedHashMap<>(capacity);
    allocatable.put("cpu", new Quantity("1900m"));
    allocatable.put("memory", new Quantity("5160276Ki"));
    allocatable.put("ephemeral-storage", new Quantity("119703055367"));
    s.setCapacity(capacity);
    s.setAllocatable(allocatable);
    s.setConditions(conditions(n, now, s.getConditions()));
    s.setAddresses(
        List.of(
            new io.fabric8.kubernetes.api.model.NodeAddress(
                n.spec().privateIpAddress(), "InternalIP"),
            new io.fabric8.kubernetes.api.model.NodeAddress(n.name(), "Hostname")));
    var info = new io.fabric8.kubernetes.api.model.NodeSystemInfo();
    info.setArchitecture("amd64");
    info.setOperatingSystem("linux");
    info.setOsImage("Ubuntu 22.04.5 LTS");
    info.setKernelVersion("5.15.0-1089-azure");
    info.setContainerRuntimeVersion("containerd://1.7.27-1");
    info.setKubeletVersion("v" + n.spec().kubernetesVersion());
    info.setKubeProxyVersion("v" + n.spec().kubernetesVersion());
    info.setMachineID(Integer.toHexString(n.name().hashCode()));
    info.setSystemUUID(
        java.util
            .UUID
            .nameUUIDFromBytes(n.name().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString());
    info.setBootID(
        java.util
            .UUID
            .nameUUIDFromBytes(
                (n.name() + n.imagedAt()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString());
    s.setNodeInfo(info);
    s.setDaemonEndpoints(
        new io.fabric8.kubernetes.api.model.NodeDaemonEndpoints(
            new io.fabric8.kubernetes.api.model.DaemonEndpoint(10250)));
    List<ContainerImage> images = new ArrayList<>();
    if (!reimaged && s.getImages() != null) {
      images.addAll(s.getImages());
    }
    for (ClusterState.NodeImage i : n.images()) {
      boolean known =
          images.stream().anyMatch(x -> x.getNames() != null && x.getNames().equals(i.names()));
      if (!known) {
        images.add(new ContainerImage(i.names(), i.sizeBytes()));
      }
    }
    s.setImages(images);
  }

  private static List<NodeCondition> conditions(
      ClusterNode n, String now, List<NodeCondition> before) {
    List<NodeCondition> out = new ArrayList<>();
    out.add(
        cond(
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
            now,
            before));
    out.add(
        cond(
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
            now,
            before));
    out.add(
        cond(
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
            now,
            before));
    out.add(
        n.ready()
            ? cond("Ready", "True", "KubeletReady", "kubelet is posting ready status", now, before)
            : cond("Ready", "False", "KubeletNotReady", n.notReadyMessage(), now, before));
    return out;
  }

  private static NodeCondition cond(
      String type,
      String status,
      String reason,
      String message,
      String now,
      List<NodeCondition> before) {
    String since = now;
    if (before != null) {
      for (NodeCondition c : before) {
        if (c.getType().equals(type) && c.getStatus().equals(status)) {
          since = c.getLastTransitionTime();
        }
      }
    }
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(since)
        .build();
  }
}
