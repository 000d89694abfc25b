package dev.moat.arm.validation;

import dev.moat.platform.error.ArmException;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceType;
import java.util.List;

/**
 * How one resource provider words a broken rule: each RP has its own codes (Network's {@code
 * InvalidResourceName}, AKS's {@code InvalidParameter} with its naming-rules link, …). A provider
 * passes its implementation with its {@link SpecTable}; {@link ArmValidationErrors} is the default.
 */
public interface ValidationErrors {
  /** The name in the request path breaks the type's naming rule. */
  ArmException invalidName(ResourceType type, String name, SpecTable.NameRule rule);

  /**
   * A body value breaks a rule (a value of the wrong JSON type is the front door's, not this). By
   * default the wording most RPs share: {@code InvalidParameter} naming the property path, ARM's
   * deserialisation error ({@code InvalidRequestContent}) for a missing required property.
   */
  default ArmException invalidValue(ResourceType type, Violation v) {
    if (v.rule().kind() == SpecTable.Kind.REQUIRED) {
      int dot = v.path().lastIndexOf('.');
      String property = v.path().substring(dot + 1);
      String parent = dot < 0 ? "" : v.path().substring(0, dot);
      return CommonError.MISSING_PROPERTY.exception(property, parent).withTarget(v.path());
    }
    return CommonError.INVALID_PARAMETER_VALUE
        .exception(v.valueText(), v.path(), v.expectation())
        .withTarget(v.path());
  }

  /** {@code location} names no Azure region; ARM's wording unless the RP has its own. */
  default ArmException invalidLocation(ResourceType type, String location, List<String> regions) {
    return CommonError.INVALID_LOCATION.exception(
        location, type.value(), String.join(",", regions));
  }
}
