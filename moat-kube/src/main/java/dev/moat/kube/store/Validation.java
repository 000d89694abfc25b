package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Field error texts of {@code k8s.io/apimachinery/pkg/util/validation/field}, and name rules. */
final class Validation {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  /** How names of a kind are checked. */
  enum NameRule {
    SUBDOMAIN,
    LABEL,
    DNS1035
  }

  private Validation() {}

  static StatusCause required(String field, String detail) {
    return cause(
        "FieldValueRequired", field, "Required value" + (detail.isEmpty() ? "" : ": " + detail));
  }

  static StatusCause invalid(String field, String value, String detail) {
    return cause("FieldValueInvalid", field, "Invalid value: " + value + ": " + detail);
  }

  static StatusCause unsupported(String field, String value, List<String> supported) {
    StringBuilder s =
        new StringBuilder("Unsupported value: " + quote(value) + ": supported values: ");
    for (int i = 0; i < supported.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(quote(supported.get(i)));
    }
    return cause("FieldValueNotSupported", field, s.toString());
  }

  static StatusCause cause(String reason, String field, String message) {
    return new StatusCauseBuilder()
        .withReason(reason)
        .withField(field)
        .withMessage(message)
        .build();
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Checks {@code metadata.name} (or a name elsewhere) against a rule. */
  static void name(List<StatusCause> causes, String field, JsonNode name, NameRule rule) {
    if (name == null || name.isNull() || name.asString().isEmpty()) {
      causes.add(required(field, "name or generateName is required"));
      return;
    }
    String v = name.asString();
    switch (rule) {
      case SUBDOMAIN -> {
        if (v.length() > 253 || !DNS1123_SUBDOMAIN.matcher(v).matches()) {
          causes.add(
              invalid(
                  field,
                  quote(v),
                  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                      + " characters, '-' or '.', and must start and end with an alphanumeric"
                      + " character (e.g. 'example.com', regex used for validation is"
                      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
        }
      }
      case LABEL -> label(causes, field, v);
      case DNS1035 -> {
        if (v.length() > 63 || !DNS1035_LABEL.matcher(v).matches()) {
          causes.add(
              invalid(
                  field,
                  quote(v),
                  "a DNS-1035 label must consist of lower case alphanumeric characters or '-',"
                      + " start with an alphabetic character, and end with an alphanumeric"
                      + " character (e.g. 'my-name',  or 'abc-123', regex used for validation is"
                      + " '[a-z]([-a-z0-9]*[a-z0-9])?')"));
        }
      }
    }
  }

  static void label(List<StatusCause> causes, String field, String v) {
    if (v.length() > 63 || !DNS1123_LABEL.matcher(v).matches()) {
      causes.add(
          invalid(
              field,
              quote(v),
              "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
                  + " '-', and must start and end with an alphanumeric character (e.g. 'my-name', "
                  + " or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
    }
  }
}
