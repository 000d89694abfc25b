package dev.moat.kube;

import dev.moat.arm.auth.Principal;
import dev.moat.arm.auth.TokenService;
import dev.moat.platform.id.ResourceId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens for a cluster's Kubernetes API: what kubeconfigs carry and command invoke presents, and
 * what the API checks. One place defines the audience and the claims naming the cluster and role.
 */
public final class ClusterTokens {
  /** The audience of cluster tokens: AKS's AAD server application id. */
  public static final String AUDIENCE = "6dae42f8-4368-4678-94ff-3960e28e3630";

  private static final String CLUSTER = "moat_cluster";
  private static final String ROLE = "moat_role";

  private final TokenService tokens;

  public ClusterTokens(TokenService tokens) {
    this.tokens = tokens;
  }

  /** A token for {@code caller} on {@code cluster}; {@code role} e.g. {@code clusterUser}. */
  public String issue(Principal caller, ResourceId cluster, String role, Duration lifetime) {
    return tokens
        .issue(caller, AUDIENCE, lifetime, Map.of(CLUSTER, cluster.toString(), ROLE, role))
        .value();
  }

  /** The cluster a valid, unexpired cluster token names. */
  public Optional<ResourceId> cluster(String token) {
    return tokens
        .verify(token)
        .filter(t -> t.expiresAt().isAfter(tokens.clock().instant()))
        .filter(t -> t.audience().equals(AUDIENCE))
        .map(t -> t.claims().get(CLUSTER))
        .map(String::valueOf)
        .flatMap(ResourceId::tryParse);
  }
}
