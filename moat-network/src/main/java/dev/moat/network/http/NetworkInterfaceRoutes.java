package dev.moat.network.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.service.NetworkInterfaceService;
import dev.moat.network.validation.NetworkValidationErrors;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.id.ResourceId;
import java.util.List;

/** The HTTP operations of {@code Microsoft.Network/networkInterfaces}. */
public final class NetworkInterfaceRoutes {
  private final NetworkInterfaceService service;
  private final ResourceGroups groups;

  public NetworkInterfaceRoutes(NetworkInterfaceService service, ResourceGroups groups) {
    this.service = service;
    this.groups = groups;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(NetworkTypes.NETWORK_INTERFACE, NetworkApiVersions.ALL)
        .validatedBy(NetworkValidationErrors.INSTANCE)
        .item("GET", this::get)
        .item("PUT", this::write)
        .item("PATCH", this::write)
        .item("DELETE", this::delete)
        .collection("GET", this::list)
        .build();
  }

  private ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(NetworkInterfaceBodies.Out.of(service.get(request.id())));
  }

  private ArmResponse write(ArmRequest request) {
    service.refuseWrite(request.id());
    throw new IllegalStateException("refuseWrite always throws");
  }

  private ArmResponse delete(ArmRequest request) {
    service.refuseDelete(request.id());
    return ArmResponse.noContent();
  }

  private ArmResponse list(ArmRequest request) {
    ResourceId parent = request.parent();
    if (parent.isResourceGroup()) {
      groups.requireActive(parent);
    }
    return ArmResponse.page(service.listIn(parent), NetworkInterfaceBodies.Out::of);
  }
}
