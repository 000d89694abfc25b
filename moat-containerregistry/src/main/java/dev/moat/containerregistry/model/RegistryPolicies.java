package dev.moat.containerregistry.model;

import java.time.Instant;
import java.util.Objects;

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
   * The defaults as written at {@code now}: Azure stamps {@code retentionPolicy.lastUpdatedTime}
   * when a registry is created, for the default policy too (RegistryGet.json).
   */
  public static RegistryPolicies defaults(Instant now) {
    return new RegistryPolicies(null, null, new RetentionPolicy(7, now, "disabled"), null, null);
  }

  /**
   * These policies, keeping {@code previous}'s retention timestamp when the retention policy itself
   * did not change (a PUT that resends it is not a change).
   */
  public RegistryPolicies keepingRetentionTimeOf(RegistryPolicies previous) {
    RetentionPolicy old = previous.retentionPolicy();
    if (old.lastUpdatedTime() == null
        || !Objects.equals(old.days(), retentionPolicy.days())
        || !Objects.equals(old.status(), retentionPolicy.status())) {
      return this;
    }
    return new RegistryPolicies(
        quarantinePolicy, trustPolicy, old, exportPolicy, azureADAuthenticationAsArmPolicy);
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
