package dev.moat.arm.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request value that breaks a rule of its type's {@link SpecTable}.
 *
 * @param path where in the request, e.g. {@code properties.agentPoolProfiles[0].count}
 * @param rule the rule it breaks
 * @param value the value sent, or null when a required value is missing
 */
public record Violation(String path, SpecTable.Rule rule, JsonNode value) {

  /** What the rule asks for, in words, for messages. */
  public String expectation() {
    String v = rule.value();
    return switch (rule.kind()) {
      case REQUIRED -> "it is required";
      case ENUM -> "the allowed values are '" + String.join(", ", rule.values()) + "'";
      case MINIMUM -> "it must be at least " + v;
      case MAXIMUM -> "it must be at most " + v;
      case MIN_LENGTH -> "it must be at least " + v + " characters long";
      case MAX_LENGTH -> "it must be at most " + v + " characters long";
      case PATTERN -> "it must match the pattern '" + v + "'";
      case MIN_ITEMS -> "it must have at least " + v + " items";
      case MAX_ITEMS -> "it must have at most " + v + " items";
      case TYPE -> "it must be of type '" + v + "'";
      default -> "it is not valid";
    };
  }

  /** The value as text for messages. */
  public String valueText() {
    return value == null ? "null" : value.isTextual() ? value.asText() : value.toString();
  }
}
