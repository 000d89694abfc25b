package dev.moat.arm.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.Regions;
import dev.moat.platform.id.ResourceId;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Applies a type's {@link SpecTable} to a PUT: the name in the path, {@code location} of a tracked
 * type, then every rule in the table (read-only properties are ignored on input, as ARM does). Runs
 * before the provider's handler, so a rejected request changes nothing. Thread-safe.
 */
public final class RequestValidator {
  private final SpecTable table;
  private final ValidationErrors errors;
  private final Regions regions;
  private final java.util.Map<String, Pattern> patterns =
      new java.util.concurrent.ConcurrentHashMap<>();

  public RequestValidator(SpecTable table, ValidationErrors errors, Regions regions) {
    this.table = table;
    this.errors = errors;
    this.regions = regions;
  }

  public SpecTable table() {
    return table;
  }

  /**
   * @throws ArmException the first rule the request breaks, in ARM's order: name, location, body
   */
  public void validatePut(ResourceId id, JsonNode body) {
    table
        .name()
        .filter(rule -> !rule.accepts(id.name()))
        .ifPresent(
            rule -> {
              throw errors.invalidName(table.type(), id.name(), rule);
            });
    if (body == null || !body.isObject()) {
      return;
    }
    // ARM's order: the body must deserialise (JSON types) before any value is judged.
    for (SpecTable.Rule rule : table.rules()) {
      if (rule.kind() == SpecTable.Kind.TYPE) {
        for (JsonPaths.Found f : JsonPaths.find(body, rule.path())) {
          if (!hasType(f.node(), rule.value())) {
            throw CommonError.INVALID_REQUEST_CONTENT
                .exception(
                    "Error converting value "
                        + f.node()
                        + " to type '"
                        + rule.value()
                        + "'. Path '"
                        + f.path()
                        + "'")
                .withTarget(f.path());
          }
        }
      }
    }
    table.location().ifPresent(rule -> checkLocation(rule, body.get("location")));
    for (SpecTable.Rule rule : table.rules()) {
      if (rule.kind() == SpecTable.Kind.REQUIRED) {
        checkRequired(body, rule);
      } else if (rule.kind().enforced()) {
        for (JsonPaths.Found f : JsonPaths.find(body, rule.path())) {
          if (!satisfies(f.node(), rule)) {
            throw errors.invalidValue(table.type(), new Violation(f.path(), rule, f.node()));
          }
        }
      }
    }
  }

  private void checkLocation(SpecTable.LocationRule rule, JsonNode location) {
    String text = location == null || location.isNull() ? "" : location.asText();
    if (text.isBlank()) {
      if (rule.required()) {
        throw CommonError.LOCATION_REQUIRED.exception().withTarget("location");
      }
      return;
    }
    if (!rule.global() && regions.normalize(text).isEmpty()) {
      throw errors.invalidLocation(table.type(), text, regions.names());
    }
  }

  private void checkRequired(JsonNode body, SpecTable.Rule rule) {
    if (rule.path().equals("location") && table.location().isPresent()) {
      return;
    }
    String[] pf = JsonPaths.parentAndField(rule.path());
    for (JsonPaths.Found parent : JsonPaths.find(body, pf[0])) {
      JsonNode value = parent.node().isObject() ? parent.node().get(pf[1]) : null;
      if (parent.node().isObject() && (value == null || value.isNull())) {
        String path = parent.path().isEmpty() ? pf[1] : parent.path() + "." + pf[1];
        throw errors.invalidValue(table.type(), new Violation(path, rule, null));
      }
    }
  }

  private static boolean hasType(JsonNode node, String type) {
    return switch (type) {
      case "object" -> node.isObject();
      case "array" -> node.isArray();
      // As strict as Moat's deserialiser (Json.mapper: no scalar coercion).
      case "string" -> node.isTextual();
      case "integer" -> node.isIntegralNumber();
      case "number" -> node.isNumber();
      case "boolean" -> node.isBoolean();
      default -> true;
    };
  }

  private boolean satisfies(JsonNode node, SpecTable.Rule rule) {
    String v = rule.value();
    return switch (rule.kind()) {
      case ENUM ->
          !node.isValueNode()
              || rule.values().stream().anyMatch(e -> e.equalsIgnoreCase(node.asText()));
      case MINIMUM -> number(node).map(n -> n.compareTo(new BigDecimal(v)) >= 0).orElse(true);
      case MAXIMUM -> number(node).map(n -> n.compareTo(new BigDecimal(v)) <= 0).orElse(true);
      case MIN_LENGTH -> !node.isTextual() || length(node) >= Integer.parseInt(v);
      case MAX_LENGTH -> !node.isTextual() || length(node) <= Integer.parseInt(v);
      case PATTERN -> !node.isTextual() || pattern(v).matcher(node.asText()).find();
      case MIN_ITEMS -> !node.isArray() || node.size() >= Integer.parseInt(v);
      case MAX_ITEMS -> !node.isArray() || node.size() <= Integer.parseInt(v);
      default -> true;
    };
  }

  private static int length(JsonNode node) {
    String s = node.asText();
    return s.codePointCount(0, s.length());
  }

  private Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, Pattern::compile);
  }

  private static Optional<BigDecimal> number(JsonNode node) {
    if (node.isNumber()) {
      return Optional.of(node.decimalValue());
    }
    try {
      return node.isTextual()
          ? Optional.of(new BigDecimal(node.asText().trim().toLowerCase(Locale.ROOT)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
