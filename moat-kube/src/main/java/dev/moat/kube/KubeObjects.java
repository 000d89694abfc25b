package dev.moat.kube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kubernetes object shapes (v1 Node, Pod, lists, discovery) built from Moat's cluster state. */
final class KubeObjects {
  private KubeObjects() {}

  static Map<String, Object> list(String kind, List<Map<String, Object>> items) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("kind", kind);
    o.put("apiVersion", "v1");
    o.put("metadata", Map.of("resourceVersion", "1"));
    o.put("items", items);
    return o;
  }

  static Map<String, Object> node(KubeCluster.Node n) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("agentpool", n.agentPool());
    labels.put("kubernetes.azure.com/agentpool", n.agentPool());
    labels.put("kubernetes.azure.com/node-image-version", n.nodeImageVersion());
    labels.put("kubernetes.io/hostname", n.name());
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    Map<String, Object> ready = new LinkedHashMap<>();
    ready.put("type", "Ready");
    ready.put("status", n.ready() ? "True" : "False");
    ready.put("reason", n.ready() ? "KubeletReady" : "KubeletNotReady");
    ready.put("message", n.ready() ? "kubelet is posting ready status" : n.notReadyReason());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", "v1");
    o.put("kind", "Node");
    o.put(
        "metadata",
        Map.of("name", n.name(), "labels", labels, "creationTimestamp", n.created().toString()));
    o.put("spec", Map.of());
    o.put(
        "status",
        Map.of(
            "conditions", List.of(ready),
            "addresses",
                List.of(
                    Map.of("type", "InternalIP", "address", n.internalIp()),
                    Map.of("type", "Hostname", "address", n.name())),
            "nodeInfo",
                Map.of(
                    "osImage",
                    "Ubuntu 22.04.5 LTS",
                    "containerRuntimeVersion",
                    "containerd://1.7.27-1",
                    "kernelVersion",
                    "5.15.0-1089-azure",
                    "operatingSystem",
                    "linux",
                    "architecture",
                    "amd64",
                    "kubeletVersion",
                    n.kubeletVersion())));
    return o;
  }

  static Map<String, Object> pod(KubeCluster.Pod p) {
    List<Map<String, Object>> containers = new ArrayList<>();
    List<Map<String, Object>> statuses = new ArrayList<>();
    for (KubeCluster.Container c : p.containers()) {
      containers.add(Map.of("name", c.name(), "image", c.image()));
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", c.name());
      s.put("image", c.image());
      s.put("imageID", c.imageId());
      s.put("ready", p.running());
      s.put("restartCount", 0);
      s.put(
          "state",
          p.running()
              ? Map.of("running", Map.of("startedAt", p.created().toString()))
              : Map.of("waiting", Map.of("reason", "ImagePullBackOff")));
      statuses.add(s);
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", "v1");
    o.put("kind", "Pod");
    o.put(
        "metadata",
        Map.of(
            "name",
            p.name(),
            "namespace",
            p.namespace(),
            "creationTimestamp",
            p.created().toString()));
    o.put("spec", Map.of("nodeName", p.nodeName(), "containers", containers));
    o.put(
        "status",
        Map.of("phase", p.running() ? "Running" : "Pending", "containerStatuses", statuses));
    return o;
  }

  /** {@code /api/v1} discovery: what kubectl needs to find nodes, pods and namespaces. */
  static Map<String, Object> resourceList() {
    List<String> read = List.of("get", "list");
    List<Map<String, Object>> resources =
        List.of(
            Map.of(
                "name",
                "nodes",
                "singularName",
                "node",
                "namespaced",
                false,
                "kind",
                "Node",
                "verbs",
                read,
                "shortNames",
                List.of("no")),
            Map.of(
                "name",
                "pods",
                "singularName",
                "pod",
                "namespaced",
                true,
                "kind",
                "Pod",
                "verbs",
                read,
                "shortNames",
                List.of("po")),
            Map.of(
                "name",
                "namespaces",
                "singularName",
                "namespace",
                "namespaced",
                false,
                "kind",
                "Namespace",
                "verbs",
                read,
                "shortNames",
                List.of("ns")));
    return Map.of("kind", "APIResourceList", "groupVersion", "v1", "resources", resources);
  }
}
