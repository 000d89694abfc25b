package dev.moat.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.auth.Authenticator;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.arm.http.HttpService;
import dev.moat.arm.lro.OperationStatusRoutes;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTable;
import dev.moat.arm.routing.Target;
import dev.moat.arm.routing.TargetParser;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.arm.validation.Envelope;
import dev.moat.platform.error.ArmError;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ApiVersion;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARM front door: authenticates, routes by the operation table, checks the api-version, calls
 * the handler, and writes every error as ARM's {@code {"error":{...}}} envelope. This is the one
 * place where exceptions become responses; an unexpected exception becomes a generic 500.
 */
public final class ArmFrontDoor implements HttpService {
  private static final Logger LOG = LoggerFactory.getLogger(ArmFrontDoor.class);

  private final OperationTable table;
  private final Authenticator authenticator;
  private final Tenancy tenancy;
  private final OperationStatusRoutes operationStatus;
  private final Predicate<ResourceId> groupExists;

  public ArmFrontDoor(
      OperationTable table,
      Authenticator authenticator,
      Tenancy tenancy,
      dev.moat.platform.reconcile.OperationRepository operations,
      Clock clock,
      Predicate<ResourceId> groupExists) {
    this.groupExists = groupExists;
    this.table = table;
    this.authenticator = authenticator;
    this.tenancy = tenancy;
    this.operationStatus = new OperationStatusRoutes(operations, clock, this::dispatchGet);
  }

  @Override
  public HttpResult handle(HttpCall call) {
    String requestId = UUID.randomUUID().toString();
    String correlationId = call.header("x-ms-correlation-request-id").orElse(requestId);
    HttpResult result;
    try {
      result = toResult(route(call));
    } catch (ArmException e) {
      result = errorResult(e.error(), call);
    } catch (RuntimeException e) {
      LOG.error(
          "unexpected failure serving {} {} (request {})",
          call.method(),
          call.path(),
          requestId,
          e);
      result = errorResult(CommonError.INTERNAL_ERROR.error(), call);
    }
    result =
        result
            .withHeader("x-ms-request-id", requestId)
            .withHeader("x-ms-correlation-request-id", correlationId)
            .withHeader("x-ms-routing-request-id", "MOAT:" + requestId);
    if (call.header("x-ms-client-request-id").isPresent()) {
      result =
          result.withHeader("x-ms-client-request-id", call.header("x-ms-client-request-id").get());
    }
    return result;
  }

  private ArmResponse route(HttpCall call) {
    Principal caller = authenticator.authenticate(call);
    if (call.bodyTooLarge()) {
      throw CommonError.REQUEST_TOO_LARGE.exception(4 * 1024 * 1024);
    }
    Target target =
        TargetParser.parse(call.path())
            .orElseThrow(() -> CommonError.NOT_FOUND_PATH.exception(call.path()));
    target.subscriptionId().ifPresent(Envelope::checkSubscriptionId);
    target
        .subscriptionId()
        .filter(s -> tenancy.subscription(s).isEmpty())
        .ifPresent(
            s -> {
              throw CommonError.SUBSCRIPTION_NOT_FOUND.exception(s);
            });
    String apiVersion = call.queryParam("api-version").orElse(null);
    if (OperationStatusRoutes.matches(target)) {
      ApiVersion version = requireWellFormed(apiVersion);
      return operationStatus.handle(new ArmRequest(call, target, version, caller));
    }
    ArmOperation op = table.resolve(target, call.method(), apiVersion);
    ArmRequest request = new ArmRequest(call, target, new ApiVersion(apiVersion), caller);
    try {
      checkEnvelope(request, op);
      return op.handler().handle(request);
    } catch (ArmException e) {
      throw inMissingGroup(target, e).orElse(e);
    }
  }

  /**
   * ARM answers {@code ResourceGroupNotFound} for anything addressed inside a group that does not
   * exist, before the provider is asked; providers answer their own 404s, so one rule here keeps
   * that true for all of them.
   */
  private Optional<ArmException> inMissingGroup(Target target, ArmException e) {
    if (e.error().httpStatus() != 404 || target.type().equals(ResourceType.RESOURCE_GROUP)) {
      return Optional.empty();
    }
    ResourceId scope =
        target instanceof Target.Item item ? item.id() : ((Target.Collection) target).parent();
    if (scope == null) {
      return Optional.empty();
    }
    return scope
        .resourceGroupId()
        .filter(group -> !groupExists.test(group))
        .map(group -> CommonError.RESOURCE_GROUP_NOT_FOUND.exception(group.name()));
  }

  /**
   * ARM's own checks of a write (media type, tags) and the type's spec-derived rules, before the
   * provider sees the request. A PUT into a missing group is that group's 404 first, as on ARM.
   */
  private void checkEnvelope(ArmRequest request, ArmOperation op) {
    String method = request.method();
    if (!method.equals("PUT") && !method.equals("PATCH") && !method.equals("POST")) {
      return;
    }
    Envelope.checkMediaType(request.http());
    if (method.equals("POST") || request.http().body().length == 0) {
      return;
    }
    JsonNode body = request.bodyTree();
    Envelope.checkTags(body);
    if (op.validator() != null && request.target() instanceof Target.Item item) {
      item.id()
          .resourceGroupId()
          .filter(group -> !item.id().isResourceGroup() && !groupExists.test(group))
          .ifPresent(
              group -> {
                throw CommonError.RESOURCE_GROUP_NOT_FOUND.exception(group.name());
              });
      op.validator().validatePut(item.id(), body);
    }
  }

  /** Routes a GET of the request's target (the final result of an LRO). */
  private ArmResponse dispatchGet(ArmRequest request) {
    ArmOperation op = table.resolve(request.target(), "GET", request.apiVersion().value());
    return op.handler().handle(request);
  }

  private static ApiVersion requireWellFormed(String apiVersion) {
    if (apiVersion == null) {
      throw CommonError.MISSING_API_VERSION.exception();
    }
    return ApiVersion.tryParse(apiVersion)
        .orElseThrow(() -> CommonError.INVALID_API_VERSION.exception(apiVersion, "yyyy-mm-dd"));
  }

  private static HttpResult toResult(ArmResponse response) {
    HttpResult result =
        response.body() == null
            ? HttpResult.empty(response.status())
            : HttpResult.json(response.status(), Json.write(response.body()));
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      result = result.withHeader(h.getKey(), h.getValue());
    }
    return result;
  }

  private static HttpResult errorResult(ArmError error, HttpCall call) {
    HttpResult result =
        new HttpResult(
            error.httpStatus(),
            Map.of("Content-Type", HttpResult.JSON),
            Json.write(error.envelope()).getBytes(StandardCharsets.UTF_8));
    if (error.httpStatus() == 401) {
      result =
          result.withHeader(
              "WWW-Authenticate",
              "Bearer authorization_uri=\""
                  + call.baseUri()
                  + "/adfs\", error=\"invalid_token\", error_description=\""
                  + error.message().replace("\"", "'")
                  + "\"");
    }
    return result;
  }
}
