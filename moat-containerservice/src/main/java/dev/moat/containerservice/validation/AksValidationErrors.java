package dev.moat.containerservice.validation;

import dev.moat.arm.validation.SpecTable;
import dev.moat.arm.validation.ValidationErrors;
import dev.moat.arm.validation.Violation;
import dev.moat.containerservice.model.ContainerServiceTypes;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceType;

/**
 * AKS's wording of a broken spec rule: {@code InvalidParameter} naming the parameter as AKS does
 * ({@code agentPoolProfile.count}, {@code networkProfile.dnsServiceIP}), with its naming-rules
 * link.
 */
public final class AksValidationErrors implements ValidationErrors {
  public static final AksValidationErrors INSTANCE = new AksValidationErrors();

  private AksValidationErrors() {}

  @Override
  public ArmException invalidName(ResourceType type, String name, SpecTable.NameRule rule) {
    return type.equals(ContainerServiceTypes.AGENT_POOL)
        ? ContainerServiceError.INVALID_POOL_NAME.exception().withTarget("agentPoolProfile.name")
        : ContainerServiceError.INVALID_CLUSTER_NAME.exception().withTarget("resourceName");
  }

  @Override
  public ArmException invalidValue(ResourceType type, Violation v) {
    String parameter = parameter(type, v.path());
    if (v.rule().kind() == SpecTable.Kind.REQUIRED) {
      return ContainerServiceError.INVALID_PARAMETER
          .exception("Required parameter " + parameter + " is missing (null).")
          .withTarget(parameter);
    }
    return ContainerServiceError.INVALID_VALUE
        .exception(parameter, v.expectation())
        .withTarget(parameter);
  }

  /**
   * {@code properties.agentPoolProfiles[0].count} becomes {@code agentPoolProfile.count}, as AKS
   * names parameters; an agent pool's own properties are those of {@code agentPoolProfile}.
   */
  static String parameter(ResourceType type, String path) {
    String p = path.startsWith("properties.") ? path.substring("properties.".length()) : path;
    p =
        p.replaceAll("agentPoolProfiles\\[\\d+\\]", "agentPoolProfile")
            .replaceAll("\\[\\d+\\]", "");
    return type.equals(ContainerServiceTypes.AGENT_POOL) && !path.startsWith("identity")
        ? "agentPoolProfile." + p
        : p;
  }
}
