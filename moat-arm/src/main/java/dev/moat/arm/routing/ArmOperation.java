package dev.moat.arm.routing;

import dev.moat.arm.validation.RequestValidator;
import dev.moat.platform.id.ApiVersion;
import dev.moat.platform.id.ResourceType;
import java.util.SortedSet;

/**
 * One row of the wire contract: an HTTP method on an item or collection of a resource type, the
 * api-versions it accepts, and its handler. Routing and api-version errors derive from these rows.
 *
 * @param validator the type's spec-derived checks, which the front door applies to an item PUT
 *     before the handler runs; null for operations without a body to check
 */
public record ArmOperation(
    ResourceType type,
    Target.Shape shape,
    String method,
    SortedSet<ApiVersion> apiVersions,
    ArmHandler handler,
    RequestValidator validator) {

  public ArmOperation(
      ResourceType type,
      Target.Shape shape,
      String method,
      SortedSet<ApiVersion> apiVersions,
      ArmHandler handler) {
    this(type, shape, method, apiVersions, handler, null);
  }
}
