package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliException;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code az aks update}'s options for the cluster's SKU, upgrade channels, OIDC and workload
 * identity, local accounts and the network profile's mutable fields, applied to the cluster read
 * back as az's decorator applies them; the server decides what may change.
 */
final class UpdateExtras {
  @Option(names = "--tier", description = "Allowed values: free, standard, premium.")
  String tier;

  @Option(names = "--sku", description = "Allowed values: base, automatic.")
  String sku;

  @Option(names = "--k8s-support-plan", description = "KubernetesOfficial or AKSLongTermSupport.")
  String supportPlan;

  @Option(names = "--auto-upgrade-channel", description = "rapid, stable, patch, node-image, none.")
  String upgradeChannel;

  @Option(
      names = "--node-os-upgrade-channel",
      description = "NodeImage, None, SecurityPatch, Unmanaged.")
  String osUpgradeChannel;

  @Option(names = "--enable-oidc-issuer", description = "Enable the OIDC issuer.")
  boolean oidcIssuer;

  @Option(names = "--enable-workload-identity", description = "Enable workload identity.")
  boolean enableWorkloadIdentity;

  @Option(names = "--disable-workload-identity", description = "Disable workload identity.")
  boolean disableWorkloadIdentity;

  @Option(names = "--enable-local-accounts", description = "Enable local accounts.")
  boolean enableLocalAccounts;

  @Option(names = "--disable-local-accounts", description = "Disable local accounts.")
  boolean disableLocalAccounts;

  @Option(names = "--network-plugin", description = "Allowed values: azure, kubenet, none.")
  String plugin;

  @Option(names = "--network-plugin-mode", description = "Allowed values: overlay.")
  String pluginMode;

  @Option(names = "--network-dataplane", description = "Allowed values: azure, cilium.")
  String dataplane;

  @Option(names = "--network-policy", description = "Network policy: azure, calico, cilium, none.")
  String networkPolicy;

  @Option(names = "--pod-cidr", description = "A CIDR notation IP range for pod IPs.")
  String podCidr;

  @Option(names = "--ip-families", description = "Comma-separated IP families: IPv4,IPv6.")
  String ipFamilies;

  @Option(names = "--load-balancer-sku", description = "Allowed values: basic, standard.")
  String lbSku;

  boolean isEmpty() {
    return Stream.of(tier, sku, supportPlan, upgradeChannel, osUpgradeChannel, plugin, pluginMode)
            .allMatch(v -> v == null)
        && Stream.of(dataplane, networkPolicy, podCidr, ipFamilies, lbSku).allMatch(v -> v == null)
        && !oidcIssuer
        && !enableWorkloadIdentity
        && !disableWorkloadIdentity
        && !enableLocalAccounts
        && !disableLocalAccounts;
  }

  void validate(String prog) {
    tier = Clusters.TIERS.parse(prog, tier);
    sku = Clusters.SKUS.parse(prog, sku);
    supportPlan = Clusters.SUPPORT_PLANS.parse(prog, supportPlan);
    upgradeChannel = Clusters.UPGRADE_CHANNELS.parse(prog, upgradeChannel);
    osUpgradeChannel = Clusters.OS_UPGRADE_CHANNELS.parse(prog, osUpgradeChannel);
    plugin = Clusters.NETWORK_PLUGINS.parse(prog, plugin);
    pluginMode = Clusters.NETWORK_PLUGIN_MODES.parse(prog, pluginMode);
    dataplane = Clusters.DATAPLANES.parse(prog, dataplane);
    lbSku = Clusters.LB_SKUS.parse(prog, lbSku);
    if (networkPolicy != null && !networkPolicy.equals(networkPolicy.toLowerCase())) {
      throw CliException.command("--network-policy should be provided in lowercase");
    }
    if (enableLocalAccounts && disableLocalAccounts) {
      throw CliException.command(
          "Cannot specify --disable-local-accounts and --enable-local-accounts at the same time.");
    }
    if (enableWorkloadIdentity && disableWorkloadIdentity) {
      throw CliException.command(
          "Cannot specify --enable-workload-identity and --disable-workload-identity at the same"
              + " time.");
    }
  }

  void apply(ObjectNode mc, ObjectNode props, ObjectNode network) {
    if (tier != null || sku != null) {
      ObjectNode s = mc.withObject("sku");
      if (sku != null) {
        s.put("name", sku.equals("base") ? "Base" : "Automatic");
      }
      if (tier != null) {
        s.put("tier", Character.toUpperCase(tier.charAt(0)) + tier.substring(1));
      }
    }
    if (supportPlan != null) {
      props.put("supportPlan", supportPlan);
    }
    if (upgradeChannel != null) {
      props.withObject("autoUpgradeProfile").put("upgradeChannel", upgradeChannel);
    }
    if (osUpgradeChannel != null) {
      props.withObject("autoUpgradeProfile").put("nodeOSUpgradeChannel", osUpgradeChannel);
    }
    if (oidcIssuer || enableWorkloadIdentity) {
      props.withObject("oidcIssuerProfile").put("enabled", true);
    }
    if (enableWorkloadIdentity || disableWorkloadIdentity) {
      props
          .withObject("securityProfile")
          .withObject("workloadIdentity")
          .put("enabled", enableWorkloadIdentity);
    }
    if (enableLocalAccounts || disableLocalAccounts) {
      props.put("disableLocalAccounts", disableLocalAccounts);
    }
    putIf(network, "networkPlugin", plugin);
    putIf(network, "networkPluginMode", pluginMode);
    putIf(network, "networkDataplane", dataplane);
    putIf(network, "networkPolicy", networkPolicy);
    putIf(network, "podCidr", podCidr);
    putIf(network, "loadBalancerSku", lbSku);
    if (ipFamilies != null) {
      ArrayNode families = network.putArray("ipFamilies");
      Stream.of(ipFamilies.split(",")).map(String::strip).forEach(families::add);
    }
  }

  private static void putIf(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
