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

  /** A body value breaks a rule (a value of the wrong JSON type is the front door's, not this). */
  ArmException invalidValue(ResourceType type, Violation violation);

  /** {@code location} names no Azure region; ARM's wording unless the RP has its own. */
  default ArmException invalidLocation(ResourceType type, String location, List<String> regions) {
    return CommonError.INVALID_LOCATION.exception(
        location, type.value(), String.join(",", regions));
  }
}
