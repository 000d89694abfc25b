package dev.moat.containerservice.reconcile;

import dev.moat.containerservice.model.ClusterStore;
import dev.moat.containerservice.validation.KubernetesVersions;
import dev.moat.platform.contracts.SubnetAddresses;
import dev.moat.platform.reconcile.Reconciler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the cluster and agent-pool reconcilers share: the same collaborators (they run the same
 * steps, for all pools or for one) and the provisioning delay.
 */
public abstract class ClusterReconcilerBase implements Reconciler {
  /**
   * How long a cluster waits for a change before looking again anyway. Waits end on events (a
   * node's bootstrap finishing, a watched resource changing); this only bounds a missed one.
   */
  static final Duration FALLBACK = Duration.ofSeconds(2);

  /** The collaborators both reconcilers are built from. */
  public record Parts(
      ClusterStore store,
      ClusterInfrastructure infrastructure,
      PoolConvergence pools,
      SubnetAddresses addresses,
      KubernetesVersions versions,
      Clock clock,
      Duration delay) {}

  protected final ClusterStore store;
  protected final ClusterInfrastructure infrastructure;
  protected final PoolConvergence pools;
  protected final SubnetAddresses addresses;
  protected final KubernetesVersions versions;
  protected final Clock clock;
  private final Duration delay;

  ClusterReconcilerBase(Parts parts) {
    this.store = parts.store();
    this.infrastructure = parts.infrastructure();
    this.pools = parts.pools();
    this.addresses = parts.addresses();
    this.versions = parts.versions();
    this.clock = parts.clock();
    this.delay = parts.delay();
  }

  /** How long a change made at {@code since} must still wait; empty when it is due. */
  protected Optional<Duration> remaining(Instant since) {
    Instant due = since.plus(delay);
    Instant now = clock.instant();
    return now.isBefore(due) ? Optional.of(Duration.between(now, due)) : Optional.empty();
  }
}
