package dev.moat.arm.validation;

import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceType;

/** The wording most resource providers share: {@code InvalidResourceName} for names. */
public final class ArmValidationErrors implements ValidationErrors {
  public static final ArmValidationErrors INSTANCE = new ArmValidationErrors();

  private ArmValidationErrors() {}

  @Override
  public ArmException invalidName(ResourceType type, String name, SpecTable.NameRule rule) {
    return CommonError.INVALID_RESOURCE_NAME
        .exception(name, rule.maxLength(), describe(rule))
        .withTarget("name");
  }

  /** The naming rule in words, from its source (the naming table's text where there is one). */
  static String describe(SpecTable.NameRule rule) {
    String source = rule.source();
    int colon = source.indexOf(": ");
    String text = colon < 0 ? source : source.substring(colon + 2);
    return rule.minLength() > 1 || rule.maxLength() > 0
        ? "It must be "
            + rule.minLength()
            + " to "
            + rule.maxLength()
            + " characters long. "
            + (text.endsWith(".") ? text : text + ".")
        : text;
  }
}
