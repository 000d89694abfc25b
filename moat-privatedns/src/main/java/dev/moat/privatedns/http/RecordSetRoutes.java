package dev.moat.privatedns.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.validation.ArmValidationErrors;
import dev.moat.privatedns.model.PrivateDnsTypes;
import dev.moat.privatedns.model.RecordType;
import dev.moat.privatedns.service.RecordSetService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP operations of record sets: {@code privateDnsZones/{z}/{type}/{name}} for each type, the
 * per-type lists, and the all-types lists ({@code ALL}, and {@code recordsets} as older clients
 * call it). Record set writes are synchronous, as on Azure.
 */
public final class RecordSetRoutes {
  private final RecordSetService service;

  public RecordSetRoutes(RecordSetService service) {
    this.service = service;
  }

  public List<ArmOperation> operations() {
    List<ArmOperation> ops = new ArrayList<>();
    for (RecordType type : RecordType.values()) {
      ops.addAll(
          OperationTableBuilder.forType(type.resourceType(), PrivateDnsApiVersions.ALL)
              .validatedBy(ArmValidationErrors.INSTANCE)
              .item("PUT", this::put)
              .item("GET", this::get)
              .item("PATCH", this::patch)
              .item("DELETE", this::delete)
              .collection("GET", r -> list(r, Optional.of(type)))
              .build());
    }
    ops.addAll(
        OperationTableBuilder.forType(PrivateDnsTypes.ALL_RECORD_SETS, PrivateDnsApiVersions.ALL)
            .collection("GET", r -> list(r, Optional.empty()))
            .build());
    ops.addAll(
        OperationTableBuilder.forType(PrivateDnsTypes.RECORD_SETS, PrivateDnsApiVersions.ALL)
            .collection("GET", r -> list(r, Optional.empty()))
            .build());
    return ops;
  }

  private ArmResponse put(ArmRequest request) {
    RecordSetBodies.Put body = request.body(RecordSetBodies.Put.class);
    RecordSetService.Written written =
        service.createOrUpdate(request.id(), body.spec(), Conditions.of(request));
    return ArmResponse.createdOrOk(written.created(), RecordSetBodies.Body.of(written.recordSet()));
  }

  private ArmResponse patch(ArmRequest request) {
    RecordSetBodies.Put body = request.body(RecordSetBodies.Put.class);
    return ArmResponse.ok(
        RecordSetBodies.Body.of(service.update(request.id(), body.spec(), Conditions.of(request))));
  }

  private ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(RecordSetBodies.Body.of(service.get(request.id())));
  }

  private ArmResponse delete(ArmRequest request) {
    return service.delete(request.id(), Conditions.of(request))
        ? ArmResponse.status(200)
        : ArmResponse.noContent();
  }

  private ArmResponse list(ArmRequest request, Optional<RecordType> type) {
    return ArmResponse.page(service.list(request.parent(), type), RecordSetBodies.Body::of);
  }
}
