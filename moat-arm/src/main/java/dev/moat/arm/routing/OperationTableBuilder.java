package dev.moat.arm.routing;

import dev.moat.arm.validation.RequestValidator;
import dev.moat.arm.validation.SpecTable;
import dev.moat.arm.validation.ValidationErrors;
import dev.moat.platform.id.ApiVersion;
import dev.moat.platform.id.Regions;
import dev.moat.platform.id.ResourceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Declares the operations of one resource type:
 *
 * <pre>{@code
 * OperationTableBuilder.forType(VNET, "2024-05-01", "2026-01-01")
 *     .item("PUT", routes::put).item("GET", routes::get).collection("GET", routes::list)
 *     .build();
 * }</pre>
 */
public final class OperationTableBuilder {
  private final ResourceType type;
  private final SortedSet<ApiVersion> versions;
  private final List<ArmOperation> operations = new ArrayList<>();
  private RequestValidator validator;

  private OperationTableBuilder(ResourceType type, SortedSet<ApiVersion> versions) {
    this.type = type;
    this.versions = versions;
  }

  public static OperationTableBuilder forType(ResourceType type, String... apiVersions) {
    return forType(type, Arrays.asList(apiVersions));
  }

  public static OperationTableBuilder forType(ResourceType type, List<String> apiVersions) {
    TreeSet<ApiVersion> set = new TreeSet<>();
    apiVersions.forEach(v -> set.add(new ApiVersion(v)));
    return new OperationTableBuilder(type, java.util.Collections.unmodifiableSortedSet(set));
  }

  /**
   * Checks this type's item PUTs against its spec-derived table (from {@code dev/moat/spec/} on the
   * class path) before the handler runs, wording violations as {@code errors} says. Call before
   * {@link #item}.
   */
  public OperationTableBuilder validatedBy(ValidationErrors errors) {
    this.validator = new RequestValidator(SpecTable.load(type), errors, Regions.azurePublicCloud());
    return this;
  }

  public OperationTableBuilder item(String method, ArmHandler handler) {
    operations.add(
        new ArmOperation(
            type,
            Target.Shape.ITEM,
            method,
            versions,
            handler,
            method.equals("PUT") ? validator : null));
    return this;
  }

  public OperationTableBuilder collection(String method, ArmHandler handler) {
    operations.add(new ArmOperation(type, Target.Shape.COLLECTION, method, versions, handler));
    return this;
  }

  /** A POST action {@code name} on an item of this type ({@code .../{item}/{name}}). */
  public OperationTableBuilder action(String name, ArmHandler handler) {
    operations.add(
        new ArmOperation(type.child(name), Target.Shape.COLLECTION, "POST", versions, handler));
    return this;
  }

  /**
   * The type's PUT, GET, PATCH (for a {@link ResourceHandlers.Patchable}) and DELETE on an item and
   * its list GET, all handled by {@code handlers}. Call after {@link #validatedBy}.
   */
  public OperationTableBuilder resource(ResourceHandlers handlers) {
    item("PUT", handlers::put);
    item("GET", handlers::get);
    if (handlers instanceof ResourceHandlers.Patchable p) {
      item("PATCH", p::patch);
    }
    item("DELETE", handlers::delete);
    return collection("GET", handlers::list);
  }

  public List<ArmOperation> build() {
    return List.copyOf(operations);
  }
}
