package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

/** Scalars as Python's {@code str()} prints them, which is what az's tsv and table output use. */
final class Scalars {
  private Scalars() {}

  static String str(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "None";
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? "True" : "False";
    }
    return v.asText();
  }

  static boolean isScalar(JsonNode v) {
    return !v.isContainerNode();
  }
}
