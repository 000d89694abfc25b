package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.CommonOptions;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.Yes;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.http.Json;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code az aks create}: az's defaults (Direct artifact source, loadBalancer outbound, one System
 * pool {@code nodepool1} of 3 {@code Standard_DS2_v2}), its argument validators (exit 2), its
 * decorator checks in the order its setters run (API server access, identity, network, bootstrap;
 * exit 1), then the PUT, waiting for the operation unless {@code --no-wait}.
 */
@Command(name = "create", description = "Create a new managed Kubernetes cluster.")
public class AksCreateCommand implements Callable<Integer> {
  final CliContext context;
  final Arm arm;

  @Mixin ClusterName cluster;

  @Option(
      names = {"--location", "-l"},
      description = "Location. Default: the resource group's location.")
  String location;

  @Option(
      names = {"--kubernetes-version", "-k"},
      description = "Version of Kubernetes to use for creating the cluster, such as \"1.30.3\".")
  String kubernetesVersion;

  @Option(
      names = "--dns-name-prefix",
      description =
          "Prefix for hostnames that are created. If not specified, generate a hostname using the managed cluster and resource group names.")
  String dnsNamePrefix;

  @Option(
      names = "--fqdn-subdomain",
      description =
          "Prefix for FQDN that is created for private cluster with custom private dns zone scenario.")
  String fqdnSubdomain;

  @Option(
      names = {"--node-count", "-c"},
      description = "Number of nodes in the Kubernetes node pool. Default: 3.")
  int nodeCount = 3;

  @Option(
      names = {"--node-vm-size", "-s"},
      description =
          "Size of Virtual Machines to create as Kubernetes nodes. Default: Standard_DS2_v2.")
  String nodeVmSize = "Standard_DS2_v2";

  @Option(
      names = "--nodepool-name",
      description = "Node pool name, up to 12 alphanumeric characters. Default: nodepool1.")
  String nodepoolName = "nodepool1";

  @Option(names = "--max-pods", description = "The maximum number of pods deployable to a node.")
  Integer maxPods;

  @Option(
      names = "--admin-username",
      description = "User account to create on node VMs for SSH access. Default: azureuser.")
  String adminUsername = "azureuser";

  @Option(
      names = "--generate-ssh-keys",
      description =
          "Generate SSH public and private key files if missing. The keys will be stored in the ~/.ssh directory.")
  boolean generateSshKeys;

  @Option(
      names = "--ssh-key-value",
      description =
          "Public key path or key contents to install on node VMs for SSH access. Default: ~/.ssh/id_rsa.pub.")
  String sshKeyValue;

  @Option(
      names = {"--no-ssh-key", "-x"},
      description = "Do not use or create a local SSH key.")
  boolean noSshKey;

  @Option(
      names = "--bootstrap-artifact-source",
      description =
          "Configure artifact source when bootstraping the cluster.  Allowed values: Cache, Direct.  Default: Direct.")
  String artifactSource;

  @Option(
      names = "--bootstrap-container-registry-resource-id",
      description =
          "Configure container registry resource ID. Must use \"Cache\" as bootstrap artifact source.")
  String registryId;

  @Mixin OutboundOptions outboundOptions;

  @Option(
      names = "--network-plugin",
      description = "The Kubernetes network plugin to use.  Allowed values: azure, kubenet, none.")
  String networkPlugin;

  @Option(
      names = "--network-plugin-mode",
      description = "The network plugin mode to use.  Allowed values: overlay.")
  String networkPluginMode;

  @Option(
      names = "--load-balancer-sku",
      description =
          "Azure Load Balancer SKU selection for your cluster. basic or standard.  Allowed values: basic, standard.")
  String loadBalancerSku;

  @Option(names = "--enable-private-cluster", description = "Enable private cluster.")
  boolean enablePrivateCluster;

  @Option(names = "--private-dns-zone", description = "Private dns zone mode for private cluster.")
  String privateDnsZone;

  @Option(
      names = "--disable-public-fqdn",
      description = "Disable public fqdn feature for private cluster.")
  boolean disablePublicFqdn;

  @Option(
      names = "--api-server-authorized-ip-ranges",
      description = "Comma-separated list of authorized apiserver IP ranges.")
  String authorizedIpRanges;

  @Option(
      names = "--enable-apiserver-vnet-integration",
      description = "Enable integration of user vnet with control plane apiserver pods.")
  boolean enableVnetIntegration;

  @Option(
      names = "--apiserver-subnet-id",
      description =
          "The ID of a subnet in an existing VNet into which to assign control plane apiserver pods(requires --enable-apiserver-vnet-integration).")
  String apiserverSubnetId;

  @Option(
      names = "--vnet-subnet-id",
      description = "The ID of a subnet in an existing VNet into which to deploy the cluster.")
  String vnetSubnetId;

  @Option(
      names = "--assign-identity",
      description =
          "Specify an existing user assigned identity for control plane's usage in order to manage cluster resource group.")
  String assignIdentity;

  @Option(
      names = "--assign-kubelet-identity",
      description =
          "Specify an existing user assigned identity for kubelet's usage, which is typically used to pull image from ACR.")
  String assignKubeletIdentity;

  @Mixin CommonOptions.TagList tags;

  @Mixin CreateExtras extras;

  @Mixin NoWait noWait;

  @Mixin Yes yes;

  public AksCreateCommand(CliContext context) {
    this.context = context;
    this.arm = new Arm(context);
  }

  @Override
  public Integer call() {
    ObjectNode body = requestBody("az aks create");
    var result = arm.put(cluster.path(arm), Clusters.V, body, noWait.value());
    if (!noWait.value()) {
      context.printResource(result);
    }
    return 0;
  }

  /**
   * az's parser and decorator checks (exit 2 / exit 1 on a broken rule, nothing sent), then the
   * body {@code az aks create} would PUT. Shared with {@code aks check-network-isolation}, which
   * takes exactly these arguments.
   */
  ObjectNode requestBody(String prog) {
    // The parser: enum arguments, then the argument validators (usage errors, exit 2).
    String source = Clusters.ARTIFACT_SOURCES.parse(prog, artifactSource);
    String outbound = outboundOptions.type(context, prog);
    String plugin = Clusters.NETWORK_PLUGINS.parse(prog, networkPlugin);
    String pluginMode = Clusters.NETWORK_PLUGIN_MODES.parse(prog, networkPluginMode);
    String lbSku = Clusters.LB_SKUS.parse(prog, loadBalancerSku);
    Validators.resourceId("--bootstrap-container-registry-resource-id", registryId);
    Validators.resourceId("--vnet-subnet-id", vnetSubnetId);
    Validators.resourceId("--apiserver-subnet-id", apiserverSubnetId);
    Validators.resourceId("--assign-identity", assignIdentity);
    Validators.resourceId("--assign-kubelet-identity", assignKubeletIdentity);
    extras.validate(prog);
    String sshKey = SshKeys.resolve(context, sshKeyValue, generateSshKeys, noSshKey);
    Clusters.previewWarnings(
        context,
        artifactSource != null ? "--bootstrap-artifact-source" : null,
        registryId != null ? "--bootstrap-container-registry-resource-id" : null);

    // The decorator, in the order az's setters run.
    if (fqdnSubdomain != null && dnsNamePrefix != null) {
      throw CliException.command(
          "--dns-name-prefix and --fqdn-subdomain cannot be used at same time");
    }
    extras.check(plugin, pluginMode, nodeCount);
    ObjectNode access = apiServerAccessProfile(lbSku);
    if (assignKubeletIdentity != null && assignIdentity == null) {
      throw CliException.command(
          "--assign-kubelet-identity can only be specified when --assign-identity is specified");
    }
    String effectiveOutbound = outbound != null ? outbound : Clusters.LOAD_BALANCER;
    NetworkRules.outboundType(outbound, Clusters.preview(context), lbSku, vnetSubnetId);
    outboundOptions.checkCustomizations(effectiveOutbound);
    String effectiveSource = source != null ? source : "Direct";
    if (registryId != null && !registryId.isEmpty() && !effectiveSource.equals("Cache")) {
      throw CliException.command(
          "Cannot specify --bootstrap-container-registry-resource-id when"
              + " --bootstrap-artifact-source is not Cache.");
    }

    ObjectNode body = Json.object();
    body.put("location", arm.locationOr(location, cluster.group()));
    Tags.apply(body, tags.value());
    body.putObject("sku").put("name", "Base").put("tier", "Free");
    ObjectNode identity = body.putObject("identity");
    if (assignIdentity != null) {
      identity.put("type", "UserAssigned");
      identity.putObject("userAssignedIdentities").putObject(assignIdentity);
    } else {
      identity.put("type", "SystemAssigned");
    }
    ObjectNode props = body.putObject("properties");
    if (kubernetesVersion != null) {
      props.put("kubernetesVersion", kubernetesVersion);
    }
    if (fqdnSubdomain != null) {
      props.put("fqdnSubdomain", fqdnSubdomain);
    } else {
      props.put(
          "dnsPrefix",
          dnsNamePrefix != null
              ? dnsNamePrefix
              : defaultDnsPrefix(cluster.name(), cluster.group(), arm.subscriptionId()));
    }
    ObjectNode pool = props.putArray("agentPoolProfiles").addObject();
    pool.put("name", nodepoolName);
    pool.put("count", nodeCount);
    pool.put("vmSize", nodeVmSize);
    pool.put("osType", "Linux");
    pool.put("type", "VirtualMachineScaleSets");
    pool.put("mode", "System");
    pool.put("enableNodePublicIP", false);
    if (kubernetesVersion != null) {
      pool.put("orchestratorVersion", kubernetesVersion);
    }
    if (vnetSubnetId != null) {
      pool.put("vnetSubnetID", vnetSubnetId);
    }
    if (maxPods != null) {
      pool.put("maxPods", maxPods);
    }
    if (sshKey != null) {
      ObjectNode linux = props.putObject("linuxProfile").put("adminUsername", adminUsername);
      linux.putObject("ssh").putArray("publicKeys").addObject().put("keyData", sshKey);
    }
    props.put("enableRBAC", true);
    ObjectNode network = props.putObject("networkProfile");
    if (plugin != null) {
      network.put("networkPlugin", plugin);
    }
    if (pluginMode != null) {
      network.put("networkPluginMode", pluginMode);
    }
    network.put("outboundType", effectiveOutbound);
    network.put("loadBalancerSku", lbSku != null ? lbSku : "standard");
    ObjectNode lb = outboundOptions.loadBalancerProfile();
    if (lb != null) {
      network.set("loadBalancerProfile", lb);
    }
    ObjectNode nat = outboundOptions.natGatewayProfile();
    if (nat != null) {
      network.set("natGatewayProfile", nat);
    }
    extras.apply(body, props, pool, network);
    if (access != null) {
      props.set("apiServerAccessProfile", access);
    }
    if (assignKubeletIdentity != null) {
      props
          .putObject("identityProfile")
          .putObject("kubeletidentity")
          .put("resourceId", assignKubeletIdentity);
    }
    ObjectNode bootstrap =
        props.putObject("bootstrapProfile").put("artifactSource", effectiveSource);
    if (registryId != null && !registryId.isEmpty()) {
      bootstrap.put("containerRegistryId", registryId);
    }
    return body;
  }

  /** {@code set_up_api_server_access_profile} with its checks; null when nothing is set. */
  private ObjectNode apiServerAccessProfile(String lbSku) {
    if (apiserverSubnetId != null && vnetSubnetId == null) {
      throw CliException.command("\"--apiserver-subnet-id\" requires \"--vnet-subnet-id\".");
    }
    if (apiserverSubnetId != null && !enableVnetIntegration) {
      throw CliException.command(
          "\"--apiserver-subnet-id\" requires \"--enable-apiserver-vnet-integration\".");
    }
    List<String> ranges =
        authorizedIpRanges == null
            ? List.of()
            : List.of(authorizedIpRanges.split(",")).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    if (enablePrivateCluster) {
      if ("basic".equals(lbSku)) {
        throw CliException.command("Please use standard load balancer for private cluster");
      }
      if (!ranges.isEmpty()) {
        throw CliException.command(
            "--api-server-authorized-ip-ranges is not supported for private cluster");
      }
    } else if (disablePublicFqdn) {
      throw CliException.command(
          "--disable-public-fqdn should only be used with --enable-private-cluster");
    }
    NetworkRules.privateDnsZone(
        privateDnsZone, enablePrivateCluster, fqdnSubdomain, disablePublicFqdn);
    if (!enablePrivateCluster && !enableVnetIntegration && ranges.isEmpty()) {
      return null;
    }
    ObjectNode access = Json.object();
    if (!ranges.isEmpty()) {
      ArrayNode r = access.putArray("authorizedIPRanges");
      ranges.forEach(r::add);
    }
    if (enablePrivateCluster) {
      access.put("enablePrivateCluster", true);
      if (privateDnsZone != null) {
        access.put("privateDNSZone", privateDnsZone);
      }
      if (disablePublicFqdn) {
        access.put("enablePrivateClusterPublicFQDN", false);
      }
    }
    if (enableVnetIntegration) {
      access.put("enableVnetIntegration", true);
      if (apiserverSubnetId != null) {
        access.put("subnetId", apiserverSubnetId);
      }
    }
    return access;
  }

  /**
   * az's {@code _get_default_dns_prefix}: up to 10 characters of the name (starting with a letter),
   * up to 16 of the group, the first 6 of the subscription id.
   */
  static String defaultDnsPrefix(String name, String group, String subscriptionId) {
    String namePart = name.replaceAll("[^A-Za-z0-9-]", "");
    namePart = namePart.substring(0, Math.min(10, namePart.length()));
    if (namePart.isEmpty() || !Character.isLetter(namePart.charAt(0))) {
      namePart = ("a" + namePart).substring(0, Math.min(10, namePart.length() + 1));
    }
    String groupPart = group.replaceAll("[^A-Za-z0-9-]", "");
    groupPart = groupPart.substring(0, Math.min(16, groupPart.length()));
    return namePart
        + "-"
        + groupPart
        + "-"
        + subscriptionId.substring(0, Math.min(6, subscriptionId.length()));
  }
}
