package dev.moat.arm.tenancy;

import java.util.List;
import java.util.Optional;

/**
 * The tenant and subscriptions this Moat serves. One tenant and one subscription by default, with
 * fixed, documented ids so scripts can hard-code them as they would a real subscription id.
 */
public record Tenancy(String tenantId, List<Subscription> subscriptions) {
  public static final String DEFAULT_TENANT_ID = "6d6f6174-0000-4000-8000-000000000001";
  public static final String DEFAULT_SUBSCRIPTION_ID = "6d6f6174-0000-4000-8000-000000000002";

  /** A subscription: its GUID and display name. */
  public record Subscription(String subscriptionId, String displayName) {}

  public static Tenancy defaults() {
    return new Tenancy(
        DEFAULT_TENANT_ID, List.of(new Subscription(DEFAULT_SUBSCRIPTION_ID, "Moat Subscription")));
  }

  public Optional<Subscription> subscription(String subscriptionId) {
    return subscriptions.stream()
        .filter(s -> s.subscriptionId().equalsIgnoreCase(subscriptionId))
        .findFirst();
  }
}
