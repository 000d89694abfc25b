package dev.moat.arm.routing;

import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ApiVersion;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Every operation Moat serves, indexed for routing; answers ARM's routing errors. */
public final class OperationTable {
  private final Map<String, Map<String, ArmOperation>> byTypeAndShape = new HashMap<>();
  private final Set<String> namespaces = new HashSet<>();

  public OperationTable(List<ArmOperation> operations) {
    for (ArmOperation op : operations) {
      namespaces.add(op.type().namespace().toLowerCase(Locale.ROOT));
      ArmOperation previous =
          byTypeAndShape
              .computeIfAbsent(key(op.type().key(), op.shape()), k -> new HashMap<>())
              .put(op.method(), op);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two operations for " + op.method() + " " + op.type() + " " + op.shape());
      }
    }
  }

  /**
   * The operation for this request, or the ARM error Azure gives: unknown namespace, unknown type,
   * missing/invalid/unsupported api-version, unsupported method (in that order).
   */
  public ArmOperation resolve(Target target, String method, String apiVersionText) {
    Map<String, ArmOperation> ops = byTypeAndShape.get(key(target.type().key(), target.shape()));
    if (apiVersionText == null) {
      throw CommonError.MISSING_API_VERSION.exception();
    }
    if (ops == null) {
      if (!namespaces.contains(target.type().namespace().toLowerCase(Locale.ROOT))) {
        throw CommonError.INVALID_RESOURCE_NAMESPACE.exception(target.type().namespace());
      }
      throw CommonError.INVALID_RESOURCE_TYPE.exception(
          target.type().typeName(), target.type().namespace(), apiVersionText);
    }
    ArmOperation any = ops.values().iterator().next();
    String supported =
        any.apiVersions().stream().map(ApiVersion::value).collect(Collectors.joining(", "));
    ApiVersion version =
        ApiVersion.tryParse(apiVersionText)
            .orElseThrow(
                () -> CommonError.INVALID_API_VERSION.exception(apiVersionText, supported));
    if (!any.apiVersions().contains(version)) {
      throw CommonError.NO_REGISTERED_PROVIDER.exception(
          "global", apiVersionText, target.type().value(), supported);
    }
    ArmOperation op = ops.get(method.equals("HEAD") && !ops.containsKey("HEAD") ? "GET" : method);
    if (op == null) {
      throw CommonError.METHOD_NOT_ALLOWED.exception(method, target.type().value());
    }
    return op;
  }

  private static String key(String typeKey, Target.Shape shape) {
    return typeKey + "#" + shape;
  }
}
