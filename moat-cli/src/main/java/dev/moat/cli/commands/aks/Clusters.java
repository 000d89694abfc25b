package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.ApiVersions;
import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.Choices;
import dev.moat.cli.config.Extensions;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code aks} commands share: paths, the api-version, the enum arguments (which depend on
 * whether aks-preview is installed) and aks-preview's warnings.
 */
final class Clusters {
  static final String V = ApiVersions.CONTAINER_SERVICE;
  static final String TYPE = "Microsoft.ContainerService/managedClusters";

  static final Choices ARTIFACT_SOURCES =
      Choices.of("--bootstrap-artifact-source", "Direct", "Cache");
  static final Choices NETWORK_PLUGINS = Choices.of("--network-plugin", "azure", "kubenet", "none");
  static final Choices NETWORK_PLUGIN_MODES = Choices.of("--network-plugin-mode", "overlay");
  static final Choices LB_SKUS = Choices.of("--load-balancer-sku", "basic", "standard");
  static final Choices MODES = Choices.of("--mode", "System", "User", "Gateway");
  static final Choices TIERS = Choices.of("--tier", "free", "standard", "premium");
  static final Choices SKUS = Choices.of("--sku", "base", "automatic");
  static final Choices SUPPORT_PLANS =
      Choices.of("--k8s-support-plan", "KubernetesOfficial", "AKSLongTermSupport");
  static final Choices DATAPLANES = Choices.of("--network-dataplane", "azure", "cilium");
  static final Choices UPGRADE_CHANNELS =
      Choices.of("--auto-upgrade-channel", "rapid", "stable", "patch", "node-image", "none");
  static final Choices OS_UPGRADE_CHANNELS =
      Choices.of("--node-os-upgrade-channel", "NodeImage", "None", "SecurityPatch", "Unmanaged");

  /** {@code --os-sku} of {@code aks create} and {@code aks nodepool add}. */
  static final String[] OS_SKUS = {
    "AzureLinux",
    "AzureLinux3",
    "Ubuntu",
    "CBLMariner",
    "Mariner",
    "Ubuntu2204",
    "Ubuntu2404",
    "Windows2019",
    "Windows2022"
  };

  static final String LOAD_BALANCER = "loadBalancer";
  static final String MANAGED_NAT = "managedNATGateway";
  static final String USER_NAT = "userAssignedNATGateway";
  static final String UDR = "userDefinedRouting";
  static final String NONE = "none";
  static final String BLOCK = "block";

  /** Core azure-cli's {@code outbound_types}, in its order. */
  static final List<String> CORE_OUTBOUND =
      List.of(LOAD_BALANCER, UDR, MANAGED_NAT, USER_NAT, NONE);

  private Clusters() {}

  static boolean preview(CliContext context) {
    return context.extensions().isInstalled(Extensions.AKS_PREVIEW);
  }

  /** {@code --outbound-type}'s choices: aks-preview adds {@code block}. */
  static Choices outboundTypes(CliContext context) {
    List<String> allowed = new ArrayList<>(CORE_OUTBOUND);
    if (preview(context)) {
      allowed.add(BLOCK);
    }
    return new Choices("--outbound-type", List.copyOf(allowed));
  }

  /**
   * aks-preview's stderr warnings: the command is altered by the extension, and each preview
   * argument the user gave (the bootstrap arguments are {@code is_preview=True} there).
   */
  static void previewWarnings(CliContext context, String... previewArgsGiven) {
    if (!preview(context)) {
      return;
    }
    context
        .log()
        .warn(
            "The behavior of this command has been altered by the following extension: aks-preview");
    for (String arg : previewArgsGiven) {
      if (arg != null) {
        context
            .log()
            .warn(
                "Argument '"
                    + arg
                    + "' is in preview and under development. Reference and support levels:"
                    + " https://aka.ms/CLI_refstatus");
      }
    }
  }

  static String path(Arm arm, String group, String name) {
    return arm.providerPath(group, TYPE + "/" + name);
  }

  static String poolPath(Arm arm, String group, String cluster, String pool) {
    return path(arm, group, cluster) + "/agentPools/" + pool;
  }

  /**
   * The cluster as az's SDK would send it back after a GET: read-only fields dropped (the models do
   * not serialise them), everything else kept.
   */
  static ObjectNode writable(JsonNode cluster) {
    ObjectNode mc = cluster.deepCopy();
    for (String ro : List.of("id", "name", "type", "systemData", "eTag", "etag")) {
      mc.remove(ro);
    }
    if (mc.path("identity").isObject()) {
      ObjectNode identity = (ObjectNode) mc.get("identity");
      identity.remove("principalId");
      identity.remove("tenantId");
      JsonNode uai = identity.path("userAssignedIdentities");
      if (uai.isObject()) {
        ObjectNode cleared = identity.putObject("userAssignedIdentities");
        uai.fieldNames().forEachRemaining(cleared::putObject);
      }
    }
    JsonNode props = mc.path("properties");
    if (props.isObject()) {
      ObjectNode p = (ObjectNode) props;
      for (String ro :
          List.of(
              "provisioningState",
              "powerState",
              "maxAgentPools",
              "currentKubernetesVersion",
              "fqdn",
              "azurePortalFQDN",
              "privateFQDN",
              "resourceUID")) {
        p.remove(ro);
      }
      for (JsonNode pool : p.path("agentPoolProfiles")) {
        if (pool.isObject()) {
          ((ObjectNode) pool).remove("provisioningState");
          ((ObjectNode) pool).remove("currentOrchestratorVersion");
          ((ObjectNode) pool).remove("eTag");
        }
      }
    }
    return mc;
  }
}
