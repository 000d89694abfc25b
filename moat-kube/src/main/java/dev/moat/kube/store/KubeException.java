package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import java.util.List;

/**
 * A failed Kubernetes API operation, carrying the {@link Status} the apiserver would answer with
 * (reason, code, message, details). Thrown by {@link ClusterObjects} and written as-is by the HTTP
 * layer. Factories word their messages as {@code k8s.io/apimachinery/pkg/api/errors} does.
 */
public final class KubeException extends RuntimeException {
  private final transient Status status;

  public KubeException(Status status) {
    super(status.getMessage());
    this.status = status;
  }

  public Status status() {
    return status;
  }

  public int code() {
    return status.getCode();
  }

  public String reason() {
    return status.getReason();
  }

  /** {@code 404 NotFound}: {@code deployments.apps "web" not found}. */
  public static KubeException notFound(Kind<?> kind, String name) {
    return notFound(kind.resource(), kind.group(), kind.plural(), name);
  }

  /** {@code 404 NotFound} for a resource named without a {@link Kind} (e.g. a namespace). */
  public static KubeException notFound(
      String qualifiedResource, String group, String plural, String name) {
    return of(
        404,
        "NotFound",
        qualifiedResource + " \"" + name + "\" not found",
        group,
        plural,
        name,
        List.of());
  }

  /** {@code 409 AlreadyExists}: {@code configmaps "a" already exists}. */
  public static KubeException alreadyExists(Kind<?> kind, String name) {
    return of(
        409,
        "AlreadyExists",
        kind.resource() + " \"" + name + "\" already exists",
        kind.group(),
        kind.plural(),
        name,
        List.of());
  }

  /**
   * {@code 409 Conflict} for a stale resourceVersion: {@code Operation cannot be fulfilled on
   * deployments.apps "web": the object has been modified; please apply your changes to the latest
   * version and try again}.
   */
  public static KubeException conflict(Kind<?> kind, String name, String why) {
    return of(
        409,
        "Conflict",
        "Operation cannot be fulfilled on " + kind.resource() + " \"" + name + "\": " + why,
        kind.group(),
        kind.plural(),
        name,
        List.of());
  }

  /** The {@code why} of a stale-resourceVersion {@link #conflict}. */
  public static final String MODIFIED =
      "the object has been modified; please apply your changes to the latest version and try again";

  /**
   * {@code 422 Invalid}: {@code Deployment.apps "web" is invalid: spec.template.metadata.labels:
   * Invalid value: ...}. Each cause is a field path and its message.
   */
  public static KubeException invalid(Kind<?> kind, String name, List<StatusCause> causes) {
    String qualifiedKind = kind.group().isEmpty() ? kind.kind() : kind.kind() + "." + kind.group();
    StringBuilder message = new StringBuilder(qualifiedKind + " \"" + name + "\" is invalid: ");
    if (causes.size() == 1) {
      message.append(causeText(causes.get(0)));
    } else {
      message.append('[');
      for (int i = 0; i < causes.size(); i++) {
        message.append(i == 0 ? "" : ", ").append(causeText(causes.get(i)));
      }
      message.append(']');
    }
    return of(422, "Invalid", message.toString(), kind.group(), kind.kind(), name, causes);
  }

  private static String causeText(StatusCause cause) {
    return cause.getField() + ": " + cause.getMessage();
  }

  /** {@code 400 BadRequest} with the given message. */
  public static KubeException badRequest(String message) {
    return of(400, "BadRequest", message, null, null, null, List.of());
  }

  /** {@code 410 Expired}: a watch or list from a resourceVersion older than the server keeps. */
  public static KubeException expired(String message) {
    return of(410, "Expired", message, null, null, null, List.of());
  }

  /** {@code 403 Forbidden}, e.g. creating in a namespace that is being terminated. */
  public static KubeException forbidden(Kind<?> kind, String name, String why) {
    return of(
        403,
        "Forbidden",
        kind.resource() + " \"" + name + "\" is forbidden: " + why,
        kind.group(),
        kind.plural(),
        name,
        List.of());
  }

  /** {@code 405 MethodNotAllowed}. */
  public static KubeException methodNotAllowed(String message) {
    return of(405, "MethodNotAllowed", message, null, null, null, List.of());
  }

  /** Any other status, e.g. {@code 415 UnsupportedMediaType} or {@code 406 NotAcceptable}. */
  public static KubeException of(int code, String reason, String message) {
    return of(code, reason, message, null, null, null, List.of());
  }

  private static KubeException of(
      int code,
      String reason,
      String message,
      String group,
      String kind,
      String name,
      List<StatusCause> causes) {
    StatusBuilder status =
        new StatusBuilder()
            .withApiVersion("v1")
            .withKind("Status")
            .withNewMetadata()
            .endMetadata()
            .withStatus("Failure")
            .withMessage(message)
            .withReason(reason)
            .withCode(code);
    if (name != null || !causes.isEmpty()) {
      status.withDetails(
          new StatusDetailsBuilder()
              .withName(name)
              .withGroup(group == null || group.isEmpty() ? null : group)
              .withKind(kind)
              .withCauses(causes.isEmpty() ? null : causes)
              .build());
    }
    return new KubeException(status.build());
  }
}
