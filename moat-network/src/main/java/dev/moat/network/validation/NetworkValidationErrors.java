package dev.moat.network.validation;

import dev.moat.arm.validation.SpecTable;
import dev.moat.arm.validation.ValidationErrors;
import dev.moat.arm.validation.Violation;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceType;

/** NRP's wording of a broken spec rule: its own {@code InvalidResourceName} text for names. */
public final class NetworkValidationErrors implements ValidationErrors {
  public static final NetworkValidationErrors INSTANCE = new NetworkValidationErrors();

  private NetworkValidationErrors() {}

  @Override
  public ArmException invalidName(ResourceType type, String name, SpecTable.NameRule rule) {
    return CommonError.INVALID_RESOURCE_NAME
        .exception(
            name,
            rule.maxLength(),
            "It must begin with a word character, and it must end with a word character or with"
                + " '_'. The name may contain word characters or '.', '-', '_'.")
        .withTarget("name");
  }

  /**
   * The name of an inline child (subnet, IP configuration, connection) is a name like any other.
   */
  @Override
  public ArmException invalidValue(ResourceType type, Violation violation) {
    if (violation.path().endsWith(".name") && violation.value() != null) {
      int max =
          type.equals(dev.moat.network.model.NetworkTypes.VIRTUAL_NETWORK)
              ? 80
              : violation.rule().kind() == SpecTable.Kind.MAX_LENGTH
                  ? Integer.parseInt(violation.rule().value())
                  : 80;
      return invalidName(type, violation.value().asText(), new SpecTable.NameRule(1, max, null, ""))
          .withTarget(violation.path());
    }
    return ValidationErrors.super.invalidValue(type, violation);
  }
}
