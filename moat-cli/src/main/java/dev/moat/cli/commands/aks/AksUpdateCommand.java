package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.CommonOptions;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.Yes;
import dev.moat.cli.commands.Prompts;
import dev.moat.cli.commands.Tags;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin ClusterName cluster;

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

  @Mixin OutboundOptions outboundOptions;

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

  @Mixin CommonOptions.TagList tags;

  @Mixin UpdateExtras extras;

  @Mixin NoWait noWait;

  @Mixin Yes yes;

  public AksUpdateCommand(CliContext context) {
    this.context = context;
    this.arm = new Arm(context);
  }

  @Override
  public Integer call() {
    String prog = "az aks update";
    String source = Clusters.ARTIFACT_SOURCES.parse(prog, artifactSource);
    String outbound = outboundOptions.type(context, prog);
    Validators.resourceId("--bootstrap-container-registry-resource-id", registryId);
    Validators.resourceId("--apiserver-subnet-id", apiserverSubnetId);
    extras.validate(prog);
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

    String path = cluster.path(arm);
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
    outboundOptions.checkCustomizations(effectiveOutbound);

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
    ObjectNode lb = outboundOptions.loadBalancerProfile();
    if (lb != null) {
      JsonNode existing = network.path("loadBalancerProfile");
      ObjectNode merged =
          existing.isObject() ? (ObjectNode) existing : dev.moat.cli.http.Json.object();
      merged.setAll(lb);
      network.set("loadBalancerProfile", merged);
    }
    ObjectNode nat = outboundOptions.natGatewayProfile();
    if (nat != null) {
      JsonNode existing = network.path("natGatewayProfile");
      ObjectNode merged =
          existing.isObject() ? (ObjectNode) existing : dev.moat.cli.http.Json.object();
      merged.setAll(nat);
      network.set("natGatewayProfile", merged);
    }
    extras.apply(mc, props, network);
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
    Tags.apply(mc, tags.value());

    JsonNode result = arm.put(path, Clusters.V, mc, noWait.value());
    if (!noWait.value()) {
      context.printResource(result);
    }
    return 0;
  }

  private boolean nothingToUpdate() {
    return artifactSource == null
        && registryId == null
        && outboundOptions.isEmpty()
        && !enableVnetIntegration
        && apiserverSubnetId == null
        && !enablePrivateCluster
        && !disablePrivateCluster
        && !enablePublicFqdn
        && !disablePublicFqdn
        && authorizedIpRanges == null
        && tags.value() == null
        && extras.isEmpty();
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    JsonNode n = parent.path(field);
    if (n.isObject()) {
      return (ObjectNode) n;
    }
    return parent.putObject(field);
  }
}
