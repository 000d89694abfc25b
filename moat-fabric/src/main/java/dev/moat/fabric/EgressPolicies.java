package dev.moat.fabric;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * Overrides of a subnet's egress, supplied by whatever configures egress on it. A managed cluster
 * implements this from its outbound type: {@code loadBalancer}, {@code managedNATGateway} and
 * {@code userAssignedNATGateway} give {@link Egress#INTERNET}; {@code none} and {@code block} give
 * {@link Egress#NONE}; {@code userDefinedRouting} gives whatever the subnet's route table leads to.
 * Without an override a subnet has egress exactly when its {@code defaultOutboundAccess} is true.
 *
 * <p>Implementations are read on every reachability check, from any thread; they must be
 * thread-safe and cheap (an in-memory or indexed read), and must not call back into the fabric.
 */
@FunctionalInterface
public interface EgressPolicies {

  /** The override for {@code subnet}, or empty when nothing overrides its default. */
  Optional<Egress> forSubnet(ResourceId subnet);

  /**
   * Why the override is what it is, for error messages, e.g. {@code "outbound type none of managed
   * cluster aks1"}. Empty by default.
   */
  default Optional<String> reason(ResourceId subnet) {
    return Optional.empty();
  }

  /** No overrides: every subnet keeps its default outbound access. */
  static EgressPolicies none() {
    return subnet -> Optional.empty();
  }

  /** The first policy in {@code policies} that has an override for the subnet wins. */
  static EgressPolicies firstOf(List<EgressPolicies> policies) {
    List<EgressPolicies> copy = List.copyOf(policies);
    return new EgressPolicies() {
      @Override
      public Optional<Egress> forSubnet(ResourceId subnet) {
        return copy.stream().map(p -> p.forSubnet(subnet)).flatMap(Optional::stream).findFirst();
      }

      @Override
      public Optional<String> reason(ResourceId subnet) {
        return copy.stream()
            .filter(p -> p.forSubnet(subnet).isPresent())
            .findFirst()
            .flatMap(p -> p.reason(subnet));
      }
    };
  }
}
