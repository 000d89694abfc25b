package dev.moat.resources.http;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.Regions;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.resources.model.ResourceGroup;
import dev.moat.resources.service.ResourceGroupService;
import dev.moat.resources.validation.ResourceGroupValidationErrors;
import dev.moat.resources.validation.ResourceGroupValidator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP operations of {@code Microsoft.Resources/resourceGroups}. */
public final class ResourceGroupRoutes {
  /**
   * Every api-version clients send for resource groups (az 2.45: 2021-04-01; SDK 2.57: 2024-11-01).
   */
  static final List<String> API_VERSIONS =
      List.of(
          "2014-04-01",
          "2015-11-01",
          "2016-02-01",
          "2016-07-01",
          "2016-09-01",
          "2017-05-10",
          "2018-02-01",
          "2018-05-01",
          "2019-03-01",
          "2019-05-01",
          "2019-05-10",
          "2019-07-01",
          "2019-08-01",
          "2019-10-01",
          "2020-06-01",
          "2020-08-01",
          "2020-10-01",
          "2021-01-01",
          "2021-04-01",
          "2022-09-01",
          "2023-07-01",
          "2024-03-01",
          "2024-07-01",
          "2024-11-01",
          "2025-01-01",
          "2025-03-01",
          "2025-04-01");

  private static final Pattern TAG_FILTER =
      Pattern.compile(
          "\\s*tagName\\s+eq\\s+'([^']*)'(?:\\s+and\\s+tagValue\\s+eq\\s+'([^']*)')?\\s*",
          Pattern.CASE_INSENSITIVE);

  private final ResourceGroupService service;
  private final LongRunningOperations lro;

  public ResourceGroupRoutes(ResourceGroupService service, LongRunningOperations lro) {
    this.service = service;
    this.lro = lro;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(ResourceType.RESOURCE_GROUP, API_VERSIONS)
        .validatedBy(
            new ResourceGroupValidationErrors(
                new ResourceGroupValidator(Regions.azurePublicCloud())))
        .item("PUT", this::put)
        .item("GET", this::get)
        .item("HEAD", this::head)
        .item("PATCH", this::patch)
        .item("DELETE", this::delete)
        .collection("GET", this::list)
        .build();
  }

  private ArmResponse put(ArmRequest request) {
    ResourceGroupBodies.Put body = request.body(ResourceGroupBodies.Put.class);
    ResourceGroupService.Written written =
        service.createOrUpdate(request.id(), body.location(), body.tags(), body.managedBy());
    return ArmResponse.createdOrOk(
        written.created(), ResourceGroupBodies.Group.of(written.group()));
  }

  private ArmResponse get(ArmRequest request) {
    return ArmResponse.ok(ResourceGroupBodies.Group.of(service.get(request.id())));
  }

  private ArmResponse head(ArmRequest request) {
    return ArmResponse.status(service.exists(request.id()) ? 204 : 404);
  }

  private ArmResponse patch(ArmRequest request) {
    ResourceGroupBodies.Patch body = request.body(ResourceGroupBodies.Patch.class);
    return ArmResponse.ok(
        ResourceGroupBodies.Group.of(service.updateTags(request.id(), body.tags())));
  }

  private ArmResponse delete(ArmRequest request) {
    ResourceGroupService.Deletion deletion = service.beginDelete(request.id());
    return ArmResponse.accepted()
        .withHeaders(
            lro.pollingHeaders(request, deletion.operation(), deletion.group().location()));
  }

  private ArmResponse list(ArmRequest request) {
    ResourceId subscription = request.parent();
    Predicate<ResourceGroup> filter = tagFilter(request.query("$filter"));
    int top = request.query("$top").map(ResourceGroupRoutes::parseTop).orElse(Integer.MAX_VALUE);
    List<ResourceGroupBodies.Group> groups =
        service.list(subscription.subscriptionId()).stream()
            .filter(filter)
            .limit(top)
            .map(ResourceGroupBodies.Group::of)
            .toList();
    return ArmResponse.page(groups);
  }

  private static int parseTop(String top) {
    try {
      int n = Integer.parseInt(top);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw CommonError.INVALID_PARAMETER.exception("The value '" + top + "' of $top is invalid.");
  }

  private static Predicate<ResourceGroup> tagFilter(Optional<String> filter) {
    if (filter.isEmpty() || filter.get().isBlank()) {
      return g -> true;
    }
    Matcher m = TAG_FILTER.matcher(filter.get());
    if (!m.matches()) {
      throw CommonError.INVALID_PARAMETER.exception(
          "The $filter '"
              + filter.get()
              + "' is not supported: use tagName eq '...' [and tagValue eq '...'].");
    }
    String name = m.group(1);
    String value = m.group(2);
    return g ->
        g.tags().entrySet().stream()
            .anyMatch(
                e ->
                    e.getKey().equalsIgnoreCase(name)
                        && (value == null || e.getValue().equals(value)));
  }
}
