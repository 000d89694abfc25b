package dev.moat.containerregistry.model;

import java.time.Instant;
import java.util.Map;

/**
 * A PATCH of a registry: every field is optional and only the ones given change (ACR's
 * RegistryUpdateParameters; {@code zoneRedundancy} and {@code location} are not updatable).
 */
public record RegistryUpdate(
    SkuName sku,
    Map<String, String> tags,
    Boolean adminUserEnabled,
    PublicNetworkAccess publicNetworkAccess,
    NetworkRuleSet networkRuleSet,
    PoliciesPatch policies,
    Boolean dataEndpointEnabled,
    NetworkRuleBypassOptions networkRuleBypassOptions,
    Boolean networkRuleBypassAllowedForTasks,
    Boolean anonymousPullEnabled,
    RoleAssignmentMode roleAssignmentMode) {

  /** The spec after this update. */
  public RegistrySpec applyTo(RegistrySpec s, Instant now) {
    return new RegistrySpec(
        sku != null ? sku : s.sku(),
        adminUserEnabled != null ? adminUserEnabled : s.adminUserEnabled(),
        publicNetworkAccess != null ? publicNetworkAccess : s.publicNetworkAccess(),
        networkRuleSet != null ? networkRuleSet : s.networkRuleSet(),
        policies == null
            ? s.policies()
            : s.policies()
                .overlay(
                    policies.quarantinePolicy(),
                    policies.trustPolicy(),
                    policies.retentionPolicy(),
                    policies.exportPolicy(),
                    policies.azureADAuthenticationAsArmPolicy(),
                    now),
        dataEndpointEnabled != null ? dataEndpointEnabled : s.dataEndpointEnabled(),
        networkRuleBypassOptions != null ? networkRuleBypassOptions : s.networkRuleBypassOptions(),
        networkRuleBypassAllowedForTasks != null
            ? networkRuleBypassAllowedForTasks
            : s.networkRuleBypassAllowedForTasks(),
        s.zoneRedundancy(),
        anonymousPullEnabled != null ? anonymousPullEnabled : s.anonymousPullEnabled(),
        roleAssignmentMode != null ? roleAssignmentMode : s.roleAssignmentMode());
  }

  /** Policies as a PATCH gives them: only non-null ones change. */
  public record PoliciesPatch(
      RegistryPolicies.Status quarantinePolicy,
      RegistryPolicies.TrustPolicy trustPolicy,
      RegistryPolicies.RetentionPolicy retentionPolicy,
      RegistryPolicies.Status exportPolicy,
      RegistryPolicies.Status azureADAuthenticationAsArmPolicy) {}
}
