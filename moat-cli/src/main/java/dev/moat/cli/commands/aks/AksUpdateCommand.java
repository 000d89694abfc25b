package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.Prompts;
import dev.moat.cli.commands.Tags;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code az aks update}: GET the cluster, change only what was asked (az's update decorator), PUT
 * it back and wait. The bootstrap profile follows az's rule: the artifact source, when given,
 * replaces the whole profile (registry id = the given one or null); a registry id alone is ignored.
 */
@Command(name = "update", description = "Update a managed Kubernetes cluster.")
public final class AksUpdateCommand implements Callable<Integer> {
  private final CliContext context;
  private final Arm arm;

  @Option(
      names = {"--resource-group", "-g"},
      required = true,
      description = "Name of resource group.")
  String group;

  @Option(
      names = {"--name", "-n"},
      required = true,
      description = "Name of the managed cluster.")
  String name;

  @Option(
      names = "--bootstrap-artifact-source",
      description =
          "Configure artifact source when bootstraping the cluster.  Allowed values: Cache, Direct.")
  String artifactSource;

  @Option(
      names = "--bootstrap-container-registry-resource-id",
      description =
          "Configure container registry resource ID. Must use \"Cache\" as bootstrap artifact source.")
  String registryId;

  @Option(
      names = "--outbound-type",
      description =
          "How outbound traffic will be configured for a cluster.  Allowed values: loadBalancer, managedNATGateway, none, userAssignedNATGateway, userDefinedRouting.")
  String outboundType;

  @Option(
      names = "--load-balancer-managed-outbound-ip-count",
      description = "Load balancer managed outbound IP count.")
  Integer lbManagedIpCount;

  @Option(
      names = "--load-balancer-managed-outbound-ipv6-count",
      description = "Load balancer managed outbound IPv6 IP count.")
  Integer lbManagedIpv6Count;

  @Option(
      names = "--load-balancer-outbound-ips",
      description = "Load balancer outbound IP resource IDs.")
  String lbOutboundIps;

  @Option(
      names = "--load-balancer-outbound-ip-prefixes",
      description = "Load balancer outbound IP prefix resource IDs.")
  String lbOutboundIpPrefixes;

  @Option(
      names = "--load-balancer-outbound-ports",
      description = "Load balancer outbound allocated ports.")
  Integer lbOutboundPorts;

  @Option(
      names = "--load-balancer-idle-timeout",
      description = "Load balancer idle timeout in minutes.")
  Integer lbIdleTimeout;

  @Option(
      names = "--nat-gateway-managed-outbound-ip-count",
      description = "NAT gateway managed outbound IP count.")
  Integer natIpCount;

  @Option(
      names = "--nat-gateway-idle-timeout",
      description = "NAT gateway idle timeout in minutes.")
  Integer natIdleTimeout;

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
      names = "--enable-private-cluster",
      description = "Enable private cluster for apiserver vnet integration cluster.")
  boolean enablePrivateCluster;

  @Option(
      names = "--disable-private-cluster",
      description = "Disable private cluster for apiserver vnet integration cluster.")
  boolean disablePrivateCluster;

  @Option(
      names = "--enable-public-fqdn",
      description = "Enable public fqdn feature for private cluster.")
  boolean enablePublicFqdn;

  @Option(
      names = "--disable-public-fqdn",
      description = "Disable public fqdn feature for private cluster.")
  boolean disablePublicFqdn;

  @Option(
      names = "--api-server-authorized-ip-ranges",
      description =
          "Comma-separated list of authorized apiserver IP ranges. Set to \"\" to allow all traffic.")
  String authorizedIpRanges;

  @Option(
      names = "--tags",
      arity = "0..*",
      description =
          "Space-separated tags: key[=value] [key[=value] ...]. Use \"\" to clear existing tags.")
  List<String> tags;

  @Option(
      names = "--no-wait",
      description = "Do not wait for the long-running operation to finish.")
  boolean noWait;

  @Option(
      names = {"--yes", "-y"},
      description = "Do not prompt for confirmation.")
  boolean yes;

  public AksUpdateCommand(CliContext context) {
    this.context = context;
    this.arm = new Arm(context);
  }

  @Override
  public Integer call() {
    String prog = "az aks update";
    String source = Clusters.ARTIFACT_SOURCES.parse(prog, artifactSource);
    String outbound = Clusters.outboundTypes(context).parse(prog, outboundType);
    Validators.resourceId("--bootstrap-container-registry-resource-id", registryId);
    Validators.resourceId("--apiserver-subnet-id", apiserverSubnetId);
    boolean preview = Clusters.preview(context);
    Clusters.previewWarnings(
        context,
        artifactSource != null ? "--bootstrap-artifact-source" : null,
        registryId != null ? "--bootstrap-container-registry-resource-id" : null);
    if (nothingToUpdate()
        && !Prompts.yesNo(
            context,
            "no argument specified to update would you like to reconcile to current settings?",
            false)) {
      throw CliException.command(
          "Please specify one or more arguments to update the managed cluster.");
    }

    String path = Clusters.path(arm, group, name);
    JsonNode current = arm.show(path, Clusters.V);
    ObjectNode mc = Clusters.writable(current);
    ObjectNode props = object(mc, "properties");
    ObjectNode access = object(props, "apiServerAccessProfile");
    boolean privateCluster = access.path("enablePrivateCluster").asBoolean(false);
    boolean vni = access.path("enableVnetIntegration").asBoolean(false);

    // API server access, in the order of az's update decorator.
    if (enableVnetIntegration && !vni && apiserverSubnetId == null) {
      throw CliException.command(
          "--apiserver-subnet-id is required for update with --enable-apiserver-vnet-integration.");
    }
    if (enablePrivateCluster && !vni && !enableVnetIntegration) {
      throw CliException.command(
          (preview ? "Enabling" : "EEnabling")
              + " private cluster requires enabling apiserver vnet"
              + " integration(--enable-apiserver-vnet-integration).");
    }
    if (disablePrivateCluster && !vni && !enableVnetIntegration) {
      throw CliException.command(
          (preview ? "Disabling" : "DDisabling")
              + " private cluster requires enabling apiserver vnet"
              + " integration(--enable-apiserver-vnet-integration).");
    }
    if (enablePublicFqdn && disablePublicFqdn) {
      throw CliException.command(
          "Cannot specify '--enable-public-fqdn' and '--disable-public-fqdn' at the same time");
    }
    boolean privateAfter = enablePrivateCluster || (privateCluster && !disablePrivateCluster);
    if (disablePublicFqdn) {
      if (!privateAfter) {
        throw CliException.command("--disable-public-fqdn can only be used for private cluster");
      }
      if (access.path("privateDNSZone").asText("").equalsIgnoreCase("none")) {
        throw CliException.command(
            "--disable-public-fqdn cannot be applied for none mode private dns zone cluster");
      }
    }
    if (enablePublicFqdn && !privateAfter) {
      throw CliException.command("--enable-public-fqdn can only be used for private cluster");
    }
    if (authorizedIpRanges != null && !authorizedIpRanges.isEmpty() && privateAfter) {
      throw CliException.command(
          "--api-server-authorized-ip-ranges is not supported for private cluster");
    }

    // Network profile.
    ObjectNode network = object(props, "networkProfile");
    String subnet = null;
    for (JsonNode pool : props.path("agentPoolProfiles")) {
      if (pool.hasNonNull("vnetSubnetID")) {
        subnet = pool.get("vnetSubnetID").asText();
        break;
      }
    }
    String effectiveOutbound =
        outbound != null ? outbound : network.path("outboundType").asText(Clusters.LOAD_BALANCER);
    if (outbound != null) {
      NetworkRules.outboundType(
          outbound, preview, network.path("loadBalancerSku").asText(null), subnet);
    }
    NetworkRules.customizations(
        effectiveOutbound,
        lbManagedIpCount != null
            || lbManagedIpv6Count != null
            || lbOutboundIps != null
            || lbOutboundIpPrefixes != null,
        lbOutboundPorts != null || lbIdleTimeout != null,
        natIpCount != null || natIdleTimeout != null);

    // Bootstrap profile (CLI4, CLI5).
    if (source != null && !source.equals("Cache") && registryId != null && !registryId.isEmpty()) {
      throw CliException.command(
          "Cannot specify --bootstrap-container-registry-resource-id when"
              + " --bootstrap-artifact-source is not Cache.");
    }

    if (enableVnetIntegration) {
      access.put("enableVnetIntegration", true);
      if (apiserverSubnetId != null) {
        access.put("subnetId", apiserverSubnetId);
      }
    }
    if (enablePrivateCluster) {
      access.put("enablePrivateCluster", true);
    }
    if (disablePrivateCluster) {
      access.put("enablePrivateCluster", false);
    }
    if (enablePublicFqdn) {
      access.put("enablePrivateClusterPublicFQDN", true);
    }
    if (disablePublicFqdn) {
      access.put("enablePrivateClusterPublicFQDN", false);
    }
    if (authorizedIpRanges != null) {
      ArrayNode ranges = access.putArray("authorizedIPRanges");
      for (String r : authorizedIpRanges.split(",")) {
        if (!r.isBlank()) {
          ranges.add(r.trim());
        }
      }
    }
    if (access.isEmpty()) {
      props.remove("apiServerAccessProfile");
    }

    if (outbound != null) {
      network.put("outboundType", outbound);
      if (!outbound.equals(Clusters.LOAD_BALANCER)) {
        network.putNull("loadBalancerProfile");
      }
      if (!outbound.equals(Clusters.MANAGED_NAT)) {
        network.putNull("natGatewayProfile");
      }
    }
    ObjectNode lb =
        LoadBalancer.profile(
            lbManagedIpCount,
            lbManagedIpv6Count,
            lbOutboundIps,
            lbOutboundIpPrefixes,
            lbOutboundPorts,
            lbIdleTimeout);
    if (lb != null) {
      JsonNode existing = network.path("loadBalancerProfile");
      ObjectNode merged =
          existing.isObject() ? (ObjectNode) existing : dev.moat.cli.http.Json.object();
      merged.setAll(lb);
      network.set("loadBalancerProfile", merged);
    }
    ObjectNode nat = LoadBalancer.natGateway(natIpCount, natIdleTimeout);
    if (nat != null) {
      JsonNode existing = network.path("natGatewayProfile");
      ObjectNode merged =
          existing.isObject() ? (ObjectNode) existing : dev.moat.cli.http.Json.object();
      merged.setAll(nat);
      network.set("natGatewayProfile", merged);
    }
    if (network.isEmpty()) {
      props.remove("networkProfile");
    }

    if (source != null) {
      ObjectNode bootstrap = props.putObject("bootstrapProfile");
      bootstrap.put("artifactSource", source);
      if (registryId != null && !registryId.isEmpty()) {
        bootstrap.put("containerRegistryId", registryId);
      } else {
        bootstrap.putNull("containerRegistryId");
      }
    }
    ObjectNode t = Tags.parse(tags);
    if (t != null) {
      mc.set("tags", t);
    }

    JsonNode result = arm.put(path, Clusters.V, mc, noWait);
    if (!noWait) {
      context.printResource(result);
    }
    return 0;
  }

  private boolean nothingToUpdate() {
    return artifactSource == null
        && registryId == null
        && outboundType == null
        && lbManagedIpCount == null
        && lbManagedIpv6Count == null
        && lbOutboundIps == null
        && lbOutboundIpPrefixes == null
        && lbOutboundPorts == null
        && lbIdleTimeout == null
        && natIpCount == null
        && natIdleTimeout == null
        && !enableVnetIntegration
        && apiserverSubnetId == null
        && !enablePrivateCluster
        && !disablePrivateCluster
        && !enablePublicFqdn
        && !disablePublicFqdn
        && authorizedIpRanges == null
        && tags == null;
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    JsonNode n = parent.path(field);
    if (n.isObject()) {
      return (ObjectNode) n;
    }
    return parent.putObject(field);
  }
}
