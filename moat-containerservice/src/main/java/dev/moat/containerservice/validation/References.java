package dev.moat.containerservice.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.runtime.InternalArm;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the resources a cluster refers to (registries, subnets) through ARM, as the AKS RP does, as
 * its own service principal.
 */
public final class References {
  static final String REGISTRY_API = "2025-11-01";
  static final String NETWORK_API = "2024-05-01";

  private final InternalArm arm;
  private final Principal principal;

  public References(InternalArm arm, Principal principal) {
    this.arm = arm;
    this.principal = principal;
  }

  /** A registry's SKU name, or empty when it does not exist. */
  public Optional<String> registrySku(ResourceId registry) {
    return get(registry, REGISTRY_API).map(r -> r.path("sku").path("name").asText(""));
  }

  /** A subnet as the cluster needs it, or empty when it does not exist. */
  public Optional<SubnetInfo> subnet(ResourceId subnet) {
    return get(subnet, NETWORK_API)
        .map(
            s -> {
              JsonNode p = s.path("properties");
              List<String> prefixes = new ArrayList<>();
              if (p.hasNonNull("addressPrefix")) {
                prefixes.add(p.get("addressPrefix").asText());
              }
              p.path("addressPrefixes").forEach(x -> prefixes.add(x.asText()));
              List<String> delegations = new ArrayList<>();
              p.path("delegations")
                  .forEach(d -> delegations.add(d.path("properties").path("serviceName").asText()));
              return new SubnetInfo(subnet, prefixes, delegations);
            });
  }

  private Optional<JsonNode> get(ResourceId id, String apiVersion) {
    if (id.resourceGroupId().isEmpty() || !id.isResource()) {
      return Optional.empty();
    }
    try {
      return arm.get(principal, id, apiVersion);
    } catch (dev.moat.platform.error.ArmException e) {
      // A missing parent (VNet, group) reads as "not found" too.
      if (e.error().httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A subnet's prefixes and the services it is delegated to. */
  public record SubnetInfo(ResourceId id, List<String> prefixes, List<String> delegations) {
    public boolean delegatedTo(String service) {
      return delegations.stream().anyMatch(service::equalsIgnoreCase);
    }

    /** The prefix length of the first prefix (the smallest subnet wins nothing here). */
    public int prefixLength() {
      return prefixes.isEmpty() ? 32 : Integer.parseInt(prefixes.get(0).split("/")[1]);
    }
  }
}
