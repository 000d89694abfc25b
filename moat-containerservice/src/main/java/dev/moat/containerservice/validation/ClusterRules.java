package dev.moat.containerservice.validation;

import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.OutboundType;
import dev.moat.containerservice.model.PoolSpec;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a managed-cluster PUT that need nothing but the request and the stored cluster, in
 * the RP's order (aks-behavior.md §0.2): names, then the isolation rules (NI2, NI4, NI5, NI8, §9),
 * then the outbound migration matrix (OUT3) and the two-phase rule (NI3, behind a switch).
 */
public final class ClusterRules {
  private static final Pattern CLUSTER_NAME =
      Pattern.compile("^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$");
  private static final Pattern POOL_NAME = Pattern.compile("^[a-z][a-z0-9]{0,11}$");
  private static final Set<String> ISOLATED_CHANNELS = Set.of("nodeimage", "none");

  private final OutboundMigrations migrations = new OutboundMigrations();
  private final boolean twoPhaseEnable;

  /**
   * @param twoPhaseEnable the 2026 rule (NI3): Cache and none/block may not be enabled in one
   *     update; false keeps the May-2025 one-step behaviour of the seed
   */
  public ClusterRules(boolean twoPhaseEnable) {
    this.twoPhaseEnable = twoPhaseEnable;
  }

  public void validateClusterName(String name) {
    if (!CLUSTER_NAME.matcher(name).matches()) {
      throw ContainerServiceError.INVALID_CLUSTER_NAME.exception().withTarget("resourceName");
    }
  }

  public void validatePoolName(String name) {
    if (!POOL_NAME.matcher(name).matches()) {
      throw ContainerServiceError.INVALID_POOL_NAME.exception().withTarget("agentPoolProfile.name");
    }
  }

  /**
   * @param resolvedVersion the patch version the request resolves to
   * @param pools every pool the cluster will have, by name
   * @param previous the stored spec on update, else null
   * @param byoVnet whether the pools use a custom subnet
   */
  public void validate(
      ClusterSpec spec,
      String resolvedVersion,
      Map<String, PoolSpec> pools,
      ClusterSpec previous,
      boolean byoVnet) {
    ClusterSpec.Bootstrap b = spec.bootstrap();
    OutboundType outbound = spec.network().outboundType();
    boolean cache = b.artifactSource() == ArtifactSource.Cache;
    if (b.containerRegistryId() != null && !cache) {
      throw ContainerServiceError.REGISTRY_WITHOUT_CACHE
          .exception()
          .withTarget("bootstrapProfile.containerRegistryId");
    }
    if (outbound.isolated() && !cache) {
      boolean wasCache =
          previous != null && previous.bootstrap().artifactSource() == ArtifactSource.Cache;
      throw (wasCache
              ? ContainerServiceError.CACHE_TO_DIRECT
              : ContainerServiceError.OUTBOUND_NEEDS_CACHE)
          .exception()
          .withTarget("bootstrapProfile.artifactSource");
    }
    if (cache && !spec.identity().managed()) {
      throw ContainerServiceError.SERVICE_PRINCIPAL_CACHE.exception();
    }
    if (cache && !KubernetesVersions.isolatable(resolvedVersion)) {
      throw ContainerServiceError.VERSION_TOO_OLD
          .exception(resolvedVersion)
          .withTarget("kubernetesVersion");
    }
    if (cache && outbound.isolated()) {
      String channel = spec.nodeOsUpgradeChannel();
      if (channel != null
          && !ISOLATED_CHANNELS.contains(channel.toLowerCase(java.util.Locale.ROOT))) {
        throw ContainerServiceError.UNSUPPORTED_CHANNEL
            .exception(channel)
            .withTarget("autoUpgradeProfile.nodeOSUpgradeChannel");
      }
    }
    if (cache) {
      pools.forEach(
          (name, p) -> {
            if ("Windows".equalsIgnoreCase(p.osType())) {
              throw ContainerServiceError.WINDOWS_POOL.exception(name).withTarget("osType");
            }
          });
    }
    if (spec.kubeletIdentity() != null && !spec.identity().userAssignedType()) {
      throw ContainerServiceError.KUBELET_NEEDS_USER_ASSIGNED
          .exception()
          .withTarget("identityProfile.kubeletidentity");
    }
    if (previous != null) {
      validateUpdate(spec, previous, byoVnet);
    }
  }

  private void validateUpdate(ClusterSpec spec, ClusterSpec previous, boolean byoVnet) {
    if (!previous.dnsPrefix().equalsIgnoreCase(spec.dnsPrefix())) {
      throw ContainerServiceError.PROPERTY_CHANGE.exception("dnsPrefix");
    }
    if (!previous.nodeResourceGroup().equalsIgnoreCase(spec.nodeResourceGroup())) {
      throw ContainerServiceError.PROPERTY_CHANGE.exception("nodeResourceGroup");
    }
    OutboundType from = previous.network().outboundType();
    OutboundType to = spec.network().outboundType();
    migrations.check(from, to, byoVnet);
    boolean wasDirect = previous.bootstrap().artifactSource() == ArtifactSource.Direct;
    if (twoPhaseEnable
        && wasDirect
        && spec.bootstrap().artifactSource() == ArtifactSource.Cache
        && to.isolated()
        && !from.isolated()) {
      throw ContainerServiceError.ONE_STEP_ENABLE.exception(to);
    }
  }
}
