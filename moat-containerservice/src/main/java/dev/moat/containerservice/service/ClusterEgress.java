package dev.moat.containerservice.service;

import dev.moat.arm.tenancy.Tenancy;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterStore;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.OutboundType;
import dev.moat.containerservice.model.ProvisioningState;
import dev.moat.fabric.Egress;
import dev.moat.fabric.EgressPolicies;
import dev.moat.platform.id.ResourceId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fabric's egress for subnets a cluster's pools use, from the cluster's current outbound type:
 * {@code loadBalancer}, {@code managedNATGateway}, {@code userAssignedNATGateway} (and V2) give
 * INTERNET; {@code none} and {@code block} give NONE; {@code userDefinedRouting} leaves the
 * subnet's own default. Kept as an in-memory index rebuilt after every write (the fabric reads it
 * on every connection and must not wait on the store).
 */
public final class ClusterEgress implements EgressPolicies {
  private record Entry(Egress egress, String reason) {}

  private final ClusterStore store;
  private final Tenancy tenancy;
  private volatile Map<ResourceId, Entry> index;

  public ClusterEgress(ClusterStore store, Tenancy tenancy) {
    this.store = store;
    this.tenancy = tenancy;
  }

  /** Rebuilds the index from the store. */
  public void refresh() {
    Map<ResourceId, Entry> next = new HashMap<>();
    for (Tenancy.Subscription s : tenancy.subscriptions()) {
      for (ManagedCluster c : store.clustersInSubscription(s.subscriptionId())) {
        if (c.status().provisioningState() == ProvisioningState.Deleting) {
          continue;
        }
        OutboundType type = c.spec().network().outboundType();
        Optional<Egress> egress = egressOf(type);
        if (egress.isEmpty()) {
          continue;
        }
        Entry e =
            new Entry(
                egress.get(), "outbound type " + type + " of managed cluster " + c.id().name());
        for (AgentPool p : store.pools(c.id())) {
          ResourceId subnet =
              p.spec().vnetSubnetId() != null
                  ? p.spec().vnetSubnetId()
                  : c.status().managedSubnet();
          if (subnet != null) {
            next.put(subnet, e);
          }
        }
      }
    }
    index = Map.copyOf(next);
  }

  static Optional<Egress> egressOf(OutboundType type) {
    return switch (type) {
      case loadBalancer, managedNATGateway, managedNATGatewayV2, userAssignedNATGateway ->
          Optional.of(Egress.INTERNET);
      case none, block -> Optional.of(Egress.NONE);
      case userDefinedRouting -> Optional.empty();
    };
  }

  private Map<ResourceId, Entry> index() {
    Map<ResourceId, Entry> i = index;
    if (i == null) {
      refresh();
      i = index;
    }
    return i;
  }

  @Override
  public Optional<Egress> forSubnet(ResourceId subnet) {
    return Optional.ofNullable(index().get(subnet)).map(Entry::egress);
  }

  @Override
  public Optional<String> reason(ResourceId subnet) {
    return Optional.ofNullable(index().get(subnet)).map(Entry::reason);
  }
}
