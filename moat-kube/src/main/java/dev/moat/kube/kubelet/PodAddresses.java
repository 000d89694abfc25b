package dev.moat.kube.kubelet;

import dev.moat.kube.control.ObjectIndex;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kinds;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pod addresses as Azure CNI Overlay (AKS's default network plugin mode) gives them: each node owns
 * a /24 of the pod CIDR ({@code Node.spec.podCIDR}, assigned by node sync) and a pod gets the
 * lowest free address of its node's range; host-network pods get the node's address. An address,
 * once in a pod's status, stays with it, so the store is the allocation record and a restart loses
 * nothing.
 *
 * <p>The addresses in use come from an {@link ObjectIndex} of pods (node and address of each), so
 * handing one out costs the node's range, not a list of the node's pods.
 */
final class PodAddresses implements AutoCloseable {
  /** A pod's node and address, as the index keeps it. */
  private record Assigned(String node, String ip) {}

  /** Addresses in use per node: address → key of the pod holding it. */
  private final Map<String, Map<String, String>> used = new ConcurrentHashMap<>();

  private final ObjectIndex<Pod, Assigned> index;

  PodAddresses(ClusterObjects objects) {
    this.index = new ObjectIndex<>(objects, Kinds.PODS, PodAddresses::assigned, this::changed);
  }

  private static Assigned assigned(Pod p) {
    if (p.getSpec() == null
        || p.getSpec().getNodeName() == null
        || p.getStatus() == null
        || p.getStatus().getPodIP() == null
        || Boolean.TRUE.equals(p.getSpec().getHostNetwork())) {
      return null;
    }
    return new Assigned(p.getSpec().getNodeName().intern(), p.getStatus().getPodIP());
  }

  private void changed(String key, Assigned before, Assigned after) {
    if (before != null) {
      on(before.node()).remove(before.ip(), key);
    }
    if (after != null) {
      on(after.node()).put(after.ip(), key);
    }
  }

  private Map<String, String> on(String node) {
    return used.computeIfAbsent(node, k -> new ConcurrentHashMap<>());
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
    String key = ObjectIndex.key(pod);
    Map<String, String> inUse = on(node.getMetadata().getName());
    synchronized (inUse) {
      // Concurrent syncs on one node are serialised here; the address is claimed at once (before
      // the status write that records it), and released if that write finds the pod gone.
      String prefix = cidr.substring(0, cidr.lastIndexOf('.') + 1);
      for (int i = 4; i < 255; i++) {
        if (key.equals(inUse.get(prefix + i))) {
          return prefix + i; // claimed by an earlier sync whose write did not land
        }
      }
      for (int i = 4; i < 255; i++) {
        String ip = prefix + i;
        if (inUse.putIfAbsent(ip, key) == null) {
          return ip;
        }
      }
      return nodeIp(node);
    }
  }

  /** Gives back an address claimed for a pod whose status never recorded it. */
  void release(Pod pod, Node node, String ip) {
    Map<String, String> inUse = used.get(node.getMetadata().getName());
    if (inUse != null && index.get(ObjectIndex.key(pod)) == null) {
      inUse.remove(ip, ObjectIndex.key(pod));
    }
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

  @Override
  public void close() {
    index.close();
  }
}
