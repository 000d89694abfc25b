package dev.moat.containerregistry.model;

import java.time.Instant;

/**
 * {@code properties.policies}. Each policy left out of a request takes the value Azure shows for a
 * new registry (RegistryGet.json): quarantine, trust and retention disabled, export and
 * authentication-as-ARM enabled.
 */
public record RegistryPolicies(
    Status quarantinePolicy,
    TrustPolicy trustPolicy,
    RetentionPolicy retentionPolicy,
    Status exportPolicy,
    Status azureADAuthenticationAsArmPolicy) {

  public RegistryPolicies {
    quarantinePolicy = quarantinePolicy == null ? Status.disabled() : quarantinePolicy;
    trustPolicy = trustPolicy == null ? new TrustPolicy("Notary", "disabled") : trustPolicy;
    retentionPolicy =
        retentionPolicy == null ? new RetentionPolicy(7, null, "disabled") : retentionPolicy;
    exportPolicy = exportPolicy == null ? Status.enabled() : exportPolicy;
    azureADAuthenticationAsArmPolicy =
        azureADAuthenticationAsArmPolicy == null
            ? Status.enabled()
            : azureADAuthenticationAsArmPolicy;
  }

  public static RegistryPolicies defaults() {
    return new RegistryPolicies(null, null, null, null, null);
  }

  /**
   * These policies with each one given (non-null) replacing the current one, as PATCH merges them;
   * a new retention policy records when it changed.
   */
  public RegistryPolicies overlay(
      Status quarantine,
      TrustPolicy trust,
      RetentionPolicy retention,
      Status export,
      Status aadAsArm,
      Instant now) {
    return new RegistryPolicies(
        quarantine != null ? quarantine : quarantinePolicy,
        trust != null ? trust : trustPolicy,
        retention != null ? retention.stamped(now) : retentionPolicy,
        export != null ? export : exportPolicy,
        aadAsArm != null ? aadAsArm : azureADAuthenticationAsArmPolicy);
  }

  /** {@code {"status": "enabled"|"disabled"}}. */
  public record Status(String status) {
    static Status enabled() {
      return new Status("enabled");
    }

    static Status disabled() {
      return new Status("disabled");
    }
  }

  /** {@code trustPolicy}. */
  public record TrustPolicy(String type, String status) {}

  /** {@code retentionPolicy}; {@code lastUpdatedTime} is read-only. */
  public record RetentionPolicy(Integer days, Instant lastUpdatedTime, String status) {
    RetentionPolicy stamped(Instant now) {
      return new RetentionPolicy(
          days == null ? 7 : days, now, status == null ? "disabled" : status);
    }
  }
}
