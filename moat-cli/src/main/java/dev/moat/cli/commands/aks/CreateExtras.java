package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.Choices;
import dev.moat.cli.commands.Tags;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code az aks create}'s options for the network profile, the cluster's settings and the first
 * node pool beyond the seed's set, each sent as az's decorator sends it; the server decides.
 */
final class CreateExtras {
  @Option(names = "--pod-cidr", description = "A CIDR notation IP range for pod IPs.")
  String podCidr;

  @Option(names = "--service-cidr", description = "A CIDR notation IP range for service IPs.")
  String serviceCidr;

  @Option(names = "--dns-service-ip", description = "An IP address for the Kubernetes DNS service.")
  String dnsServiceIp;

  @Option(names = "--docker-bridge-address", hidden = true, description = "Deprecated; ignored.")
  String dockerBridge;

  @Option(names = "--network-policy", description = "Network policy: azure, calico, cilium, none.")
  String networkPolicy;

  @Option(names = "--network-dataplane", description = "Allowed values: azure, cilium.")
  String dataplane;

  @Option(names = "--ip-families", description = "Comma-separated IP families: IPv4,IPv6.")
  String ipFamilies;

  @Option(names = "--pod-cidrs", description = "Comma-separated pod CIDRs, one per IP family.")
  String podCidrs;

  @Option(names = "--service-cidrs", description = "Comma-separated service CIDRs.")
  String serviceCidrs;

  @Option(names = "--pod-subnet-id", description = "The ID of a subnet for the pods.")
  String podSubnetId;

  @Option(names = "--tier", description = "Allowed values: free, standard, premium.")
  String tier;

  @Option(names = "--sku", description = "Allowed values: base, automatic.")
  String sku;

  @Option(names = "--k8s-support-plan", description = "KubernetesOfficial or AKSLongTermSupport.")
  String supportPlan;

  @Option(names = "--node-resource-group", description = "The node resource group's name.")
  String nodeResourceGroup;

  @Option(names = "--disable-local-accounts", description = "Disable local accounts.")
  boolean disableLocalAccounts;

  @Option(names = "--disable-rbac", description = "Disable Kubernetes RBAC.")
  boolean disableRbac;

  @Option(names = "--enable-managed-identity", description = "Use a managed identity (default).")
  boolean managedIdentity;

  @Option(names = "--enable-oidc-issuer", description = "Enable the OIDC issuer.")
  boolean oidcIssuer;

  @Option(names = "--enable-workload-identity", description = "Enable workload identity.")
  boolean workloadIdentity;

  @Option(names = "--auto-upgrade-channel", description = "rapid, stable, patch, node-image, none.")
  String upgradeChannel;

  @Option(
      names = "--node-os-upgrade-channel",
      description = "NodeImage, None, SecurityPatch, Unmanaged.")
  String osUpgradeChannel;

  @Option(
      names = {"--enable-cluster-autoscaler", "-e"},
      description = "Enable the cluster autoscaler.")
  boolean autoscaler;

  @Option(names = "--min-count", description = "Minimum nodes for the cluster autoscaler.")
  Integer minCount;

  @Option(names = "--max-count", description = "Maximum nodes for the cluster autoscaler.")
  Integer maxCount;

  @Option(names = "--os-sku", description = "The OS SKU of the first node pool.")
  String osSku;

  @Option(
      names = {"--zones", "-z"},
      arity = "1..*",
      description = "Availability zones: 1 2 3.")
  List<String> zones;

  @Option(names = "--node-osdisk-size", description = "OS disk size in GB.")
  Integer osDiskSize;

  @Option(names = "--node-osdisk-type", description = "Allowed values: Managed, Ephemeral.")
  String osDiskType;

  @Option(names = "--vm-set-type", description = "VirtualMachineScaleSets or AvailabilitySet.")
  String vmSetType;

  @Option(names = "--nodepool-labels", arity = "0..*", description = "Labels of the first pool.")
  List<String> nodepoolLabels;

  @Option(names = "--nodepool-tags", arity = "0..*", description = "Tags of the first pool.")
  List<String> nodepoolTags;

  @Option(names = "--nodepool-taints", description = "Comma-separated taints of the first pool.")
  String nodepoolTaints;

  @Option(names = "--enable-encryption-at-host", description = "Enable encryption at host.")
  boolean encryptionAtHost;

  @Option(names = "--enable-fips-image", description = "Use a FIPS-enabled OS.")
  boolean fips;

  /** The parser's and the validators' checks (before any request). */
  void validate(String prog) {
    tier = Clusters.TIERS.parse(prog, tier);
    sku = Clusters.SKUS.parse(prog, sku);
    supportPlan = Clusters.SUPPORT_PLANS.parse(prog, supportPlan);
    dataplane = Clusters.DATAPLANES.parse(prog, dataplane);
    upgradeChannel = Clusters.UPGRADE_CHANNELS.parse(prog, upgradeChannel);
    osUpgradeChannel = Clusters.OS_UPGRADE_CHANNELS.parse(prog, osUpgradeChannel);
    osDiskType = Choices.of("--node-osdisk-type", "Managed", "Ephemeral").parse(prog, osDiskType);
    osSku = new Choices("--os-sku", java.util.List.of(Clusters.OS_SKUS)).parse(prog, osSku);
    Validators.resourceId("--pod-subnet-id", podSubnetId);
    if (networkPolicy != null && !networkPolicy.equals(networkPolicy.toLowerCase())) {
      throw CliException.command("--network-policy should be provided in lowercase");
    }
    range("--min-count", minCount);
    range("--max-count", maxCount);
    if (vmSetType != null
        && !List.of("virtualmachinescalesets", "availabilityset", "virtualmachines")
            .contains(vmSetType.toLowerCase())) {
      throw CliException.command(
          "--vm-set-type can only be VirtualMachineScaleSets or AvailabilitySet or VirtualMachines");
    }
    String taints = nodepoolTaints == null ? null : PoolOptions.taints(nodepoolTaints);
    if (taints != null) {
      throw CliException.command(taints);
    }
  }

  /** az's decorator checks that need the plugin (after the parser's). */
  void check(String plugin, String pluginMode, int nodeCount) {
    if (networkPolicy != null && plugin == null) {
      throw CliException.command("Please explicitly specify the network plugin type");
    }
    if ("azure".equals(plugin) && podCidr != null && !"overlay".equals(pluginMode)) {
      throw CliException.command(
          "Please specify network plugin mode `overlay` when using --pod-cidr or use network"
              + " plugin `kubenet`. For more information about Azure CNI Overlay please see"
              + " https://aka.ms/aks/azure-cni-overlay");
    }
    if (autoscaler) {
      if (minCount == null || maxCount == null) {
        throw CliException.command(
            "Please specify both min-count and max-count when --enable-cluster-autoscaler"
                + " enabled");
      }
      if (minCount > maxCount) {
        throw CliException.command(
            "Value of min-count should be less than or equal to value of max-count");
      }
      if (nodeCount < minCount || nodeCount > maxCount) {
        throw CliException.command("node-count is not in the range of min-count and max-count");
      }
    } else if (minCount != null || maxCount != null) {
      throw CliException.command(
          "min-count and max-count are required for --enable-cluster-autoscaler, please use the"
              + " flag");
    }
  }

  /** Sets what the options say on the cluster body, its properties, first pool and network. */
  void apply(ObjectNode body, ObjectNode props, ObjectNode pool, ObjectNode network) {
    if (tier != null || sku != null) {
      ObjectNode s = body.putObject("sku");
      s.put("name", sku == null || sku.equals("base") ? "Base" : "Automatic");
      s.put("tier", tier == null ? "Free" : capitalise(tier));
    }
    putIf(props, "supportPlan", supportPlan);
    putIf(props, "nodeResourceGroup", nodeResourceGroup);
    if (disableLocalAccounts) {
      props.put("disableLocalAccounts", true);
    }
    if (disableRbac) {
      props.put("enableRBAC", false);
    }
    if (oidcIssuer || workloadIdentity) {
      props.putObject("oidcIssuerProfile").put("enabled", true);
    }
    if (workloadIdentity) {
      props.putObject("securityProfile").putObject("workloadIdentity").put("enabled", true);
    }
    if (upgradeChannel != null || osUpgradeChannel != null) {
      ObjectNode upgrade = props.putObject("autoUpgradeProfile");
      putIf(upgrade, "upgradeChannel", upgradeChannel);
      putIf(upgrade, "nodeOSUpgradeChannel", osUpgradeChannel);
    }
    putIf(network, "podCidr", podCidr);
    putIf(network, "serviceCidr", serviceCidr);
    putIf(network, "dnsServiceIP", dnsServiceIp);
    putIf(network, "networkPolicy", networkPolicy);
    putIf(network, "networkDataplane", dataplane);
    list(network, "ipFamilies", ipFamilies);
    list(network, "podCidrs", podCidrs);
    list(network, "serviceCidrs", serviceCidrs);
    putIf(pool, "podSubnetID", podSubnetId);
    putIf(pool, "osSKU", osSku);
    putIf(pool, "osDiskType", osDiskType);
    if (vmSetType != null) {
      pool.put("type", vmSetType);
    }
    if (osDiskSize != null) {
      pool.put("osDiskSizeGB", osDiskSize);
    }
    if (autoscaler) {
      pool.put("enableAutoScaling", true).put("minCount", minCount).put("maxCount", maxCount);
    }
    if (zones != null) {
      ArrayNode z = pool.putArray("availabilityZones");
      zones.forEach(z::add);
    }
    if (nodepoolLabels != null) {
      pool.set("nodeLabels", Tags.parse(nodepoolLabels));
    }
    if (nodepoolTags != null) {
      pool.set("tags", Tags.parse(nodepoolTags));
    }
    list(pool, "nodeTaints", nodepoolTaints);
    if (encryptionAtHost) {
      pool.put("enableEncryptionAtHost", true);
    }
    if (fips) {
      pool.put("enableFIPS", true);
    }
  }

  private static void range(String option, Integer count) {
    if (count != null && (count < 0 || count > 1000)) {
      throw CliException.command(option + " must be in the range [0,1000]");
    }
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static void putIf(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static void list(ObjectNode node, String field, String commaSeparated) {
    if (commaSeparated != null) {
      ArrayNode array = node.putArray(field);
      Stream.of(commaSeparated.split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(array::add);
    }
  }
}
