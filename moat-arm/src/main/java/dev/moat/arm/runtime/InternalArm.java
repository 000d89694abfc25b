package dev.moat.arm.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.http.HttpCall;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTable;
import dev.moat.arm.routing.Target;
import dev.moat.platform.id.ApiVersion;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ARM calls made by Moat's own resource providers on behalf of a service, as Azure's resource
 * providers call each other through ARM: the AKS provider creates a managed registry, its cache
 * rule and private endpoint by PUTting them, and gets exactly the validation and long-running
 * behaviour a user would. Calls are dispatched in-process through the same operation table, as the
 * given service principal; errors surface as {@link dev.moat.platform.error.ArmException}.
 */
public final class InternalArm {
  private final AtomicReference<OperationTable> table = new AtomicReference<>();
  private final String baseUri;

  InternalArm(String baseUri) {
    this.baseUri = baseUri;
  }

  /** Called once by the runtime when every provider's operations are known. */
  void bind(OperationTable operations) {
    if (!table.compareAndSet(null, operations)) {
      throw new IllegalStateException("already bound");
    }
  }

  public ArmResponse put(Principal caller, ResourceId id, String apiVersion, Object body) {
    return call(caller, "PUT", id, apiVersion, body);
  }

  public ArmResponse delete(Principal caller, ResourceId id, String apiVersion) {
    return call(caller, "DELETE", id, apiVersion, null);
  }

  /** The resource as JSON, or empty when it does not exist (404). */
  public Optional<JsonNode> get(Principal caller, ResourceId id, String apiVersion) {
    try {
      ArmResponse r = call(caller, "GET", id, apiVersion, null);
      return Optional.of(Json.mapper().valueToTree(r.body()));
    } catch (dev.moat.platform.error.ArmException e) {
      if (e.error().httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * A collection GET ({@code .../resourceGroups/rg/providers/Microsoft.Network/virtualNetworks}):
   * the {@code value} array's items as JSON, following no {@code nextLink}.
   */
  public List<JsonNode> list(
      Principal caller,
      ResourceId parent,
      dev.moat.platform.id.ResourceType type,
      String apiVersion) {
    OperationTable operations = table.get();
    if (operations == null) {
      throw new IllegalStateException("internal ARM calls are possible once the runtime started");
    }
    Target target = new Target.Collection(parent, type);
    ArmOperation op = operations.resolve(target, "GET", apiVersion);
    HttpCall http =
        new HttpCall(
            "GET",
            parent.isResource() && parent.type().child(type.leaf()).equals(type)
                ? parent + "/" + type.leaf()
                : parent + "/providers/" + type.value(),
            Map.of("api-version", List.of(apiVersion)),
            Map.of(),
            new byte[0],
            false,
            baseUri,
            "127.0.0.1");
    ArmResponse r =
        op.handler().handle(new ArmRequest(http, target, new ApiVersion(apiVersion), caller));
    List<JsonNode> out = new java.util.ArrayList<>();
    Json.mapper().valueToTree(r.body()).path("value").forEach(out::add);
    return out;
  }

  /** Any method on an item. */
  public ArmResponse call(
      Principal caller, String method, ResourceId id, String apiVersion, Object body) {
    OperationTable operations = table.get();
    if (operations == null) {
      throw new IllegalStateException("internal ARM calls are possible once the runtime started");
    }
    Target target = new Target.Item(id);
    ArmOperation op = operations.resolve(target, method, apiVersion);
    byte[] bytes = body == null ? new byte[0] : Json.write(body).getBytes(StandardCharsets.UTF_8);
    HttpCall http =
        new HttpCall(
            method,
            id.toString(),
            Map.of("api-version", List.of(apiVersion)),
            Map.of("content-type", "application/json"),
            bytes,
            false,
            baseUri,
            "127.0.0.1");
    return op.handler().handle(new ArmRequest(http, target, new ApiVersion(apiVersion), caller));
  }
}
