package dev.moat.arm.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.routing.TargetParser;
import dev.moat.platform.id.Regions;
import dev.moat.platform.id.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tenant-level part of {@code Microsoft.Resources}: subscriptions, tenants and locations, which
 * {@code az login} and the SDKs read before anything else.
 */
public final class TenancyProvider implements ResourceProvider {
  /** api-versions of the subscriptions API (az 2.45 sends 2019-11-01; az 2.7x 2022-12-01). */
  static final List<String> API_VERSIONS =
      List.of(
          "2014-04-01",
          "2015-01-01",
          "2016-06-01",
          "2018-06-01",
          "2019-06-01",
          "2019-11-01",
          "2020-01-01",
          "2021-01-01",
          "2022-01-01",
          "2022-12-01",
          "2023-07-01",
          "2024-08-01",
          "2024-11-01",
          "2025-03-01");

  private final Tenancy tenancy;
  private final Regions regions;

  public TenancyProvider(Tenancy tenancy, Regions regions) {
    this.tenancy = tenancy;
    this.regions = regions;
  }

  @Override
  public String namespace() {
    return "Microsoft.Resources";
  }

  @Override
  public List<ArmOperation> operations() {
    List<ArmOperation> ops = new ArrayList<>();
    ops.addAll(
        OperationTableBuilder.forType(ResourceType.SUBSCRIPTION, API_VERSIONS)
            .collection("GET", r -> ArmResponse.ok(new ListBody<>(subscriptions())))
            .item("GET", this::getSubscription)
            .build());
    ops.addAll(
        OperationTableBuilder.forType(TargetParser.TENANTS, API_VERSIONS)
            .collection("GET", r -> ArmResponse.ok(new ListBody<>(List.of(tenant()))))
            .build());
    ops.addAll(
        OperationTableBuilder.forType(ResourceType.SUBSCRIPTION.child("locations"), API_VERSIONS)
            .collection("GET", this::listLocations)
            .build());
    return ops;
  }

  private List<SubscriptionBody> subscriptions() {
    return tenancy.subscriptions().stream().map(this::body).toList();
  }

  private ArmResponse getSubscription(ArmRequest request) {
    // The front door has already answered SubscriptionNotFound for unknown ids.
    return ArmResponse.ok(body(tenancy.subscription(request.id().subscriptionId()).orElseThrow()));
  }

  private SubscriptionBody body(Tenancy.Subscription s) {
    return new SubscriptionBody(
        "/subscriptions/" + s.subscriptionId(),
        s.subscriptionId(),
        tenancy.tenantId(),
        s.displayName(),
        "Enabled",
        Map.of(
            "locationPlacementId", "Public_2014-09-01",
            "quotaId", "PayAsYouGo_2014-09-01",
            "spendingLimit", "Off"),
        "AllowedIfClassicAndNotInArray");
  }

  private TenantBody tenant() {
    return new TenantBody(
        "/tenants/" + tenancy.tenantId(),
        tenancy.tenantId(),
        "Home",
        "Moat",
        List.of("moat.local"));
  }

  private ArmResponse listLocations(ArmRequest request) {
    List<LocationBody> out = new ArrayList<>();
    for (String name : regions.names()) {
      out.add(
          new LocationBody(
              request.parent() + "/locations/" + name,
              name,
              regions.displayName(name).orElse(name),
              regions.displayName(name).orElse(name),
              "Region"));
    }
    return ArmResponse.ok(new ListBody<>(out));
  }

  /** {@code {"value":[...]}}. */
  public record ListBody<T>(List<T> value) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SubscriptionBody(
      String id,
      String subscriptionId,
      String tenantId,
      String displayName,
      String state,
      Map<String, String> subscriptionPolicies,
      String authorizationSource) {}

  record TenantBody(
      String id,
      String tenantId,
      String tenantCategory,
      String displayName,
      List<String> domains) {}

  record LocationBody(
      String id, String name, String displayName, String regionalDisplayName, String type) {}
}
