package dev.moat.kube.controllers;

import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.ListOptions;
import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Gives each {@code ClusterIP}/{@code NodePort}/{@code LoadBalancer} Service without one a cluster
 * IP from the cluster's service CIDR ({@code networkProfile.serviceCidr}), as the API server's
 * service IP allocator does. Kubernetes allocates inside the create call; here the per-cluster
 * store knows no CIDR, so a controller allocates right after the create — {@code kubectl get svc}
 * shows the address, the create response does not. All services are one key, so two allocations
 * never race for the same address. Skips the network address, {@code .1} (the {@code kubernetes}
 * service's, by convention) and the broadcast address.
 */
public final class ServiceIpController implements AutoCloseable {
  private static final String KEY = "services";

  private final ClusterObjects objects;
  private final Supplier<String> serviceCidr;
  private final KeyedLoop loop;
  private ClusterObjects.Registration registration;

  public ServiceIpController(ClusterObjects objects, Supplier<String> serviceCidr, Loops loops) {
    this.objects = objects;
    this.serviceCidr = serviceCidr;
    this.loop = loops.create("service-ip", k -> sync());
  }

  public void start() {
    registration = objects.listen(Kinds.SERVICES, e -> loop.add(KEY));
    loop.add(KEY);
  }

  /** Called when the service CIDR becomes known (first node sync). */
  public void cidrKnown() {
    loop.add(KEY);
  }

  private Optional<Duration> sync() {
    String cidr = serviceCidr.get();
    if (cidr == null) {
      return Optional.empty(); // no node sync yet; cidrKnown() re-adds the key
    }
    List<Service> services = objects.list(Kinds.SERVICES, ListOptions.all()).items();
    Set<Long> used = new HashSet<>();
    for (Service s : services) {
      String ip = s.getSpec() == null ? null : s.getSpec().getClusterIP();
      if (ip != null && !ip.isEmpty() && !ip.equals("None")) {
        parse(ip).ifPresent(used::add);
      }
    }
    Range range = Range.of(cidr);
    for (Service s : services) {
      if (!needsIp(s)) {
        continue;
      }
      long ip = range.free(used);
      used.add(ip);
      String text = format(ip);
      objects.modify(
          Kinds.SERVICES,
          s.getMetadata().getNamespace(),
          s.getMetadata().getName(),
          false,
          x -> {
            if (needsIp(x)) {
              x.getSpec().setClusterIP(text);
              x.getSpec().setClusterIPs(List.of(text));
              x.getSpec().setIpFamilies(List.of("IPv4"));
            }
            return x;
          });
    }
    return Optional.empty();
  }

  private static boolean needsIp(Service s) {
    if (s.getMetadata().getDeletionTimestamp() != null || s.getSpec() == null) {
      return false;
    }
    String ip = s.getSpec().getClusterIP();
    return !"ExternalName".equals(s.getSpec().getType()) && (ip == null || ip.isEmpty());
  }

  /** An IPv4 CIDR as first and last address. */
  private record Range(long network, long broadcast) {
    static Range of(String cidr) {
      int slash = cidr.indexOf('/');
      int bits = Integer.parseInt(cidr.substring(slash + 1));
      long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
      long network = parse(cidr.substring(0, slash)).orElseThrow() & mask;
      return new Range(network, network | (~mask & 0xFFFFFFFFL));
    }

    long free(Set<Long> used) {
      for (long ip = network + 2; ip < broadcast; ip++) {
        if (!used.contains(ip)) {
          return ip;
        }
      }
      throw new IllegalStateException("service CIDR exhausted");
    }
  }

  private static Optional<Long> parse(String ip) {
    String[] parts = ip.split("\\.");
    if (parts.length != 4) {
      return Optional.empty(); // IPv6: not allocated here
    }
    long v = 0;
    for (String p : parts) {
      v = (v << 8) | Integer.parseInt(p);
    }
    return Optional.of(v);
  }

  private static String format(long ip) {
    return ((ip >> 24) & 255)
        + "."
        + ((ip >> 16) & 255)
        + "."
        + ((ip >> 8) & 255)
        + "."
        + (ip & 255);
  }

  @Override
  public void close() {
    if (registration != null) {
      registration.close();
    }
    loop.close();
  }
}
