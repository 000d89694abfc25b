package dev.moat.containerregistry.model;

/**
 * What the user asked of a registry (PUT and PATCH write only this). Observed values such as the
 * data endpoint that private endpoints switch on are computed when the registry is shown.
 */
public record RegistrySpec(
    SkuName sku,
    boolean adminUserEnabled,
    PublicNetworkAccess publicNetworkAccess,
    NetworkRuleSet networkRuleSet,
    RegistryPolicies policies,
    boolean dataEndpointEnabled,
    NetworkRuleBypassOptions networkRuleBypassOptions,
    boolean networkRuleBypassAllowedForTasks,
    ZoneRedundancy zoneRedundancy,
    boolean anonymousPullEnabled,
    RoleAssignmentMode roleAssignmentMode) {

  public RegistrySpec {
    publicNetworkAccess =
        publicNetworkAccess == null ? PublicNetworkAccess.Enabled : publicNetworkAccess;
    networkRuleSet = networkRuleSet == null ? NetworkRuleSet.allowAll() : networkRuleSet;
    policies = policies == null ? RegistryPolicies.defaults() : policies;
    networkRuleBypassOptions =
        networkRuleBypassOptions == null
            ? NetworkRuleBypassOptions.AzureServices
            : networkRuleBypassOptions;
    zoneRedundancy = zoneRedundancy == null ? ZoneRedundancy.Disabled : zoneRedundancy;
    roleAssignmentMode =
        roleAssignmentMode == null
            ? RoleAssignmentMode.LegacyRegistryPermissions
            : roleAssignmentMode;
  }

  /** This spec with {@code policies} replaced. */
  public RegistrySpec withPolicies(RegistryPolicies next) {
    return new RegistrySpec(
        sku,
        adminUserEnabled,
        publicNetworkAccess,
        networkRuleSet,
        next,
        dataEndpointEnabled,
        networkRuleBypassOptions,
        networkRuleBypassAllowedForTasks,
        zoneRedundancy,
        anonymousPullEnabled,
        roleAssignmentMode);
  }
}
