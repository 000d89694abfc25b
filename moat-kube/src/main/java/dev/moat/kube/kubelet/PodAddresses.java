package dev.moat.kube.kubelet;

import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.FieldSelector;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.ListOptions;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pod addresses as Azure CNI Overlay (AKS's default network plugin mode) gives them: each node owns
 * a /24 of the pod CIDR ({@code Node.spec.podCIDR}, assigned by node sync) and a pod gets the
 * lowest free address of its node's range; host-network pods get the node's address. An address,
 * once in a pod's status, stays with it, so the store is the allocation record and a restart loses
 * nothing.
 */
final class PodAddresses {
  private final ClusterObjects objects;
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  PodAddresses(ClusterObjects objects) {
    this.objects = objects;
  }

  String address(Pod pod, Node node) {
    if (Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
      return nodeIp(node);
    }
    if (pod.getStatus() != null && pod.getStatus().getPodIP() != null) {
      return pod.getStatus().getPodIP();
    }
    String cidr = node.getSpec() == null ? null : node.getSpec().getPodCIDR();
    if (cidr == null) {
      return nodeIp(node);
    }
    String nodeName = node.getMetadata().getName();
    synchronized (locks.computeIfAbsent(nodeName, k -> new Object())) {
      // Allocation and the status write that records it are not one transaction; the caller's write
      // follows at once, and concurrent syncs on one node are serialised here. A fresh address is
      // kept for a pod until the next list shows it.
      Set<String> used = new HashSet<>(pending.keySet());
      for (Pod p :
          objects
              .list(
                  Kinds.PODS,
                  ListOptions.all().withFields(FieldSelector.equal("spec.nodeName", nodeName)))
              .items()) {
        if (p.getStatus() != null && p.getStatus().getPodIP() != null) {
          used.add(p.getStatus().getPodIP());
        }
      }
      String prefix = cidr.substring(0, cidr.lastIndexOf('.') + 1);
      for (int i = 4; i < 255; i++) {
        String ip = prefix + i;
        if (!used.contains(ip)) {
          pending.put(ip, pod.getMetadata().getUid());
          return ip;
        }
      }
      return nodeIp(node);
    }
  }

  /** Addresses handed out whose pod status may not be written yet, by address → pod uid. */
  private final ConcurrentHashMap<String, String> pending = new ConcurrentHashMap<>();

  /** Forgets a hand-out once the pod's status carries it (or the pod is gone). */
  void recorded(String ip) {
    pending.remove(ip);
  }

  private static String nodeIp(Node node) {
    if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
      for (NodeAddress a : node.getStatus().getAddresses()) {
        if (a.getType().equals("InternalIP")) {
          return a.getAddress();
        }
      }
    }
    return "";
  }
}
