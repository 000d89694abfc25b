package dev.moat.containerregistry.http;

import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.NetworkRuleBypassOptions;
import dev.moat.containerregistry.model.NetworkRuleSet;
import dev.moat.containerregistry.model.PublicNetworkAccess;
import dev.moat.containerregistry.model.Registry;
import dev.moat.containerregistry.model.RegistryPolicies;
import dev.moat.containerregistry.model.RegistrySpec;
import dev.moat.containerregistry.model.RegistryUpdate;
import dev.moat.containerregistry.model.RoleAssignmentMode;
import dev.moat.containerregistry.model.SkuName;
import dev.moat.containerregistry.model.ZoneRedundancy;
import dev.moat.containerregistry.service.RegistryView;
import dev.moat.platform.contracts.PrivateEndpointConnections.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The wire shapes of registries (RegistryGet.json, RegistryCreateZoneRedundant.json). */
final class RegistryBodies {
  private RegistryBodies() {}

  /** {@code sku}; {@code tier} is read-only and always equals {@code name}. */
  record Sku(SkuName name, SkuName tier) {}

  /** The writable properties, as PUT and PATCH send them (all optional). */
  record WritableProperties(
      Boolean adminUserEnabled,
      NetworkRuleSet networkRuleSet,
      RegistryUpdate.PoliciesPatch policies,
      Boolean dataEndpointEnabled,
      PublicNetworkAccess publicNetworkAccess,
      NetworkRuleBypassOptions networkRuleBypassOptions,
      Boolean networkRuleBypassAllowedForTasks,
      ZoneRedundancy zoneRedundancy,
      Boolean anonymousPullEnabled,
      RoleAssignmentMode roleAssignmentMode) {}

  /** PUT body. */
  record Put(String location, Map<String, String> tags, Sku sku, WritableProperties properties) {
    RegistrySpec spec(Instant now) {
      WritableProperties p = properties != null ? properties : empty();
      RegistrySpec base =
          new RegistrySpec(
              sku == null ? null : sku.name(),
              false,
              null,
              null,
              RegistryPolicies.defaults(now),
              false,
              null,
              false,
              p.zoneRedundancy(),
              false,
              null);
      return update(null, null, p).applyTo(base, now);
    }
  }

  /** PATCH body. */
  record Patch(Map<String, String> tags, Sku sku, WritableProperties properties) {
    RegistryUpdate update() {
      return RegistryBodies.update(
          sku == null ? null : sku.name(), tags, properties != null ? properties : empty());
    }
  }

  private static WritableProperties empty() {
    return new WritableProperties(null, null, null, null, null, null, null, null, null, null);
  }

  private static RegistryUpdate update(
      SkuName sku, Map<String, String> tags, WritableProperties p) {
    return new RegistryUpdate(
        sku,
        tags,
        p.adminUserEnabled(),
        p.publicNetworkAccess(),
        p.networkRuleSet(),
        p.policies(),
        p.dataEndpointEnabled(),
        p.networkRuleBypassOptions(),
        p.networkRuleBypassAllowedForTasks(),
        p.anonymousPullEnabled(),
        p.roleAssignmentMode());
  }

  /** GET/PUT/PATCH response. */
  record Resource(
      String id,
      String name,
      String type,
      String location,
      Map<String, String> tags,
      Sku sku,
      Properties properties) {

    static Resource of(RegistryView view) {
      Registry r = view.registry();
      RegistrySpec s = r.spec();
      return new Resource(
          r.id().toString(),
          r.id().name(),
          ContainerRegistryTypes.REGISTRY.value(),
          r.location(),
          r.tags(),
          new Sku(s.sku(), s.sku()),
          new Properties(
              r.loginServer(),
              r.creationDate(),
              r.provisioning().state().name(),
              s.adminUserEnabled(),
              s.networkRuleSet(),
              s.policies(),
              new Encryption("disabled"),
              view.dataEndpointEnabled(),
              view.dataEndpointHostNames(),
              view.connections().stream().map(c -> ConnectionBody.of(r, c)).toList(),
              s.publicNetworkAccess(),
              s.networkRuleBypassOptions(),
              s.networkRuleBypassAllowedForTasks(),
              s.zoneRedundancy(),
              s.anonymousPullEnabled(),
              s.roleAssignmentMode()));
    }
  }

  /** {@code properties} of a registry. */
  record Properties(
      String loginServer,
      Instant creationDate,
      String provisioningState,
      boolean adminUserEnabled,
      NetworkRuleSet networkRuleSet,
      RegistryPolicies policies,
      Encryption encryption,
      boolean dataEndpointEnabled,
      List<String> dataEndpointHostNames,
      List<ConnectionBody> privateEndpointConnections,
      PublicNetworkAccess publicNetworkAccess,
      NetworkRuleBypassOptions networkRuleBypassOptions,
      boolean networkRuleBypassAllowedForTasks,
      ZoneRedundancy zoneRedundancy,
      boolean anonymousPullEnabled,
      RoleAssignmentMode roleAssignmentMode) {}

  /** {@code encryption}: customer-managed keys are not modelled. */
  record Encryption(String status) {}

  /** One entry of {@code privateEndpointConnections}, shaped as ACR returns it. */
  record ConnectionBody(String id, String name, String type, ConnectionProperties properties) {
    static ConnectionBody of(Registry r, Connection c) {
      return new ConnectionBody(
          r.id().child("privateEndpointConnections", c.name()).toString(),
          c.name(),
          ContainerRegistryTypes.PRIVATE_ENDPOINT_CONNECTION.value(),
          new ConnectionProperties(
              new PrivateEndpoint(c.privateEndpoint().toString()),
              new ConnectionState(
                  c.status(), c.status().equals("Approved") ? "Auto-Approved" : "", "None"),
              "Succeeded"));
    }
  }

  /** {@code properties} of a private endpoint connection. */
  record ConnectionProperties(
      PrivateEndpoint privateEndpoint,
      ConnectionState privateLinkServiceConnectionState,
      String provisioningState) {}

  /** {@code privateEndpoint}. */
  record PrivateEndpoint(String id) {}

  /** {@code privateLinkServiceConnectionState}. */
  record ConnectionState(String status, String description, String actionsRequired) {}
}
