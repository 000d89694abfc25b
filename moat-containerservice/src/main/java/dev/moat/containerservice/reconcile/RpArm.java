package dev.moat.containerservice.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.runtime.InternalArm;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceId;
import java.util.Optional;

/** Internal ARM calls as the AKS resource provider's service principal. */
public final class RpArm {
  static final String GROUPS = "2025-04-01";
  static final String IDENTITY = "2023-01-31";
  static final String NETWORK = "2024-05-01";
  static final String DNS = "2024-06-01";
  static final String REGISTRY = "2025-11-01";
  static final String AUTHORIZATION = "2022-04-01";

  private final InternalArm arm;
  private final Principal principal;

  public RpArm(InternalArm arm, Principal principal) {
    this.arm = arm;
    this.principal = principal;
  }

  public Optional<JsonNode> get(ResourceId id, String apiVersion) {
    try {
      return arm.get(principal, id, apiVersion);
    } catch (ArmException e) {
      if (e.error().httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** PUTs {@code body} when the resource does not exist; returns its current JSON. */
  public JsonNode ensure(ResourceId id, String apiVersion, Object body) {
    Optional<JsonNode> found = get(id, apiVersion);
    if (found.isPresent()) {
      return found.get();
    }
    arm.put(principal, id, apiVersion, body);
    return get(id, apiVersion).orElseThrow();
  }

  public void put(ResourceId id, String apiVersion, Object body) {
    arm.put(principal, id, apiVersion, body);
  }

  /** Deletes if present. */
  public void delete(ResourceId id, String apiVersion) {
    if (get(id, apiVersion).isPresent()) {
      arm.delete(principal, id, apiVersion);
    }
  }

  /** Whether the resource finished provisioning (no state counts as finished). */
  public static boolean settled(JsonNode resource) {
    String state = resource.path("properties").path("provisioningState").asText("Succeeded");
    return state.equals("Succeeded");
  }
}
