package dev.moat.authorization.service;

import dev.moat.arm.tenancy.Tenancy;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceDocuments;
import java.util.stream.Collectors;

/**
 * Checks that the scope of a role assignment exists: a subscription Moat serves, an active resource
 * group, or any stored resource (whatever provider owns it; the check is generic on the store).
 */
public final class ScopeGuard {
  private final Tenancy tenancy;
  private final ResourceGroups groups;
  private final ResourceDocuments documents;

  public ScopeGuard(Tenancy tenancy, ResourceGroups groups, ResourceDocuments documents) {
    this.tenancy = tenancy;
    this.groups = groups;
    this.documents = documents;
  }

  /** Throws the ARM not-found error for the first missing part of {@code scope}. */
  public void requireExists(ResourceId scope) {
    if (tenancy.subscription(scope.subscriptionId()).isEmpty()) {
      throw CommonError.SUBSCRIPTION_NOT_FOUND.exception(scope.subscriptionId());
    }
    scope.resourceGroupId().ifPresent(groups::requireActive);
    if (scope.isResource() && documents.get(scope).isEmpty()) {
      throw CommonError.RESOURCE_NOT_FOUND.exception(
          typeAndNames(scope), scope.resourceGroup().orElse(""));
    }
  }

  /** {@code Microsoft.Network/virtualNetworks/v1/subnets/s1}, as ARM names a missing resource. */
  static String typeAndNames(ResourceId id) {
    return id.namespace().orElse("")
        + "/"
        + id.segments().stream()
            .map(s -> s.type() + "/" + s.name())
            .collect(Collectors.joining("/"));
  }
}
