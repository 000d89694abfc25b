package dev.moat.containerregistry.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.service.NameAvailability;
import java.util.List;

/** {@code POST /subscriptions/{s}/providers/Microsoft.ContainerRegistry/checkNameAvailability}. */
public final class CheckNameRoutes {
  private final NameAvailability names;

  public CheckNameRoutes(NameAvailability names) {
    this.names = names;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(
            ContainerRegistryTypes.CHECK_NAME_AVAILABILITY, ApiVersions.REGISTRY)
        .collection("POST", this::check)
        .build();
  }

  private ArmResponse check(ArmRequest request) {
    Request body = request.body(Request.class);
    return ArmResponse.ok(names.check(body.name(), body.type()));
  }

  /** {@code {"name","type"}}. */
  record Request(String name, String type) {}
}
