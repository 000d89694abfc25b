package dev.moat.containerregistry.model;

/** {@code properties.networkRuleBypassOptions}. */
public enum NetworkRuleBypassOptions {
  AzureServices,
  None
}
