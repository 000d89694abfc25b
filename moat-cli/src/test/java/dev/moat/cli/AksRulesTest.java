package dev.moat.cli;

import static dev.moat.cli.AksCommandsTest.ACR;
import static dev.moat.cli.AksCommandsTest.API_SUBNET;
import static dev.moat.cli.AksCommandsTest.CP_ID;
import static dev.moat.cli.AksCommandsTest.EXISTING;
import static dev.moat.cli.AksCommandsTest.KUBELET_ID;
import static dev.moat.cli.AksCommandsTest.SUBNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.cli.commands.aks.NetworkRulesAccess;
import org.junit.jupiter.api.Test;

/**
 * Every client-side rule of aks-behavior.md §2 (CLI1–CLI10): az's message verbatim, its exit code,
 * and no write sent.
 */
class AksRulesTest {
  private static final String CREATE = "aks create -g rg -n c1 --no-ssh-key ";
  private static final String UPDATE = "aks update -g rg -n c1 ";
  private static final String VNI_CLUSTER =
      EXISTING.replace(
          "\"apiServerAccessProfile\":{\"enablePrivateCluster\":true}",
          "\"apiServerAccessProfile\":{\"enablePrivateCluster\":false,\"enableVnetIntegration\":true,"
              + "\"subnetId\":\""
              + API_SUBNET
              + "\"}");
  private static final String PUBLIC_CLUSTER =
      EXISTING.replace(
          "\"apiServerAccessProfile\":{\"enablePrivateCluster\":true}",
          "\"apiServerAccessProfile\":{}");

  private static void fails(FakeArm arm, String line, int exit, String message) {
    CliRun run = arm.run(AksCommandsTest.args(line));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exit);
    assertThat(run.err()).as(run.toString()).endsWith("ERROR: " + message + "\n");
    assertThat(arm.requests).noneMatch(r -> !r.method().equals("GET"));
  }

  private static void createFails(String flags, int exit, String message) {
    FakeArm arm = new FakeArm();
    fails(arm, CREATE + flags, exit, message);
    assertThat(arm.requests).isEmpty();
  }

  private static void updateFails(String cluster, String flags, int exit, String message) {
    fails(AksCommandsTest.withCluster(cluster), UPDATE + flags, exit, message);
  }

  private static FakeArm withPreview() {
    FakeArm arm = new FakeArm();
    assertThat(arm.run("extension", "add", "--name", "aks-preview").exitCode()).isZero();
    return arm;
  }

  // CLI1: enum values
  @Test
  void cli1BlockNeedsAksPreview() {
    createFails(
        "--outbound-type block",
        2,
        "az aks create: 'block' is not a valid value for '--outbound-type'. Allowed values:"
            + " loadBalancer, userDefinedRouting, managedNATGateway, userAssignedNATGateway, none.");
  }

  @Test
  void cli1BadArtifactSource() {
    createFails(
        "--bootstrap-artifact-source Mirror",
        2,
        "az aks create: 'Mirror' is not a valid value for '--bootstrap-artifact-source'. Allowed"
            + " values: Direct, Cache.");
  }

  @Test
  void cli1UpdateEnumToo() {
    updateFails(
        EXISTING,
        "--outbound-type blocked",
        2,
        "az aks update: 'blocked' is not a valid value for '--outbound-type'. Allowed values:"
            + " loadBalancer, userDefinedRouting, managedNATGateway, userAssignedNATGateway, none.");
  }

  @Test
  void cli1AksPreviewAcceptsBlockAndWarns() {
    FakeArm arm = withPreview();
    CliRun run =
        arm.run(
            AksCommandsTest.args(
                CREATE + "--bootstrap-artifact-source Cache --outbound-type block"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err())
        .isEqualTo(
            "WARNING: The behavior of this command has been altered by the following extension:"
                + " aks-preview\n"
                + "WARNING: Argument '--bootstrap-artifact-source' is in preview and under"
                + " development. Reference and support levels: https://aka.ms/CLI_refstatus\n");
    assertThat(
            FakeArm.body(arm.only("PUT", "/managedClusters/c1"))
                .path("properties")
                .path("networkProfile")
                .path("outboundType")
                .asText())
        .isEqualTo("block");
    CliRun bad = arm.run(AksCommandsTest.args(CREATE + "--outbound-type blocked"));
    assertThat(bad.err())
        .endsWith(
            "ERROR: az aks create: 'blocked' is not a valid value for '--outbound-type'. Allowed"
                + " values: loadBalancer, userDefinedRouting, managedNATGateway,"
                + " userAssignedNATGateway, none, block.\n");
  }

  // CLI3
  @Test
  void cli3RegistryIdMustBeAnArmId() {
    createFails(
        "--bootstrap-artifact-source Cache --bootstrap-container-registry-resource-id acr1",
        2,
        "--bootstrap-container-registry-resource-id is not a valid Azure resource ID.");
  }

  @Test
  void cli3EmptyRegistryIdSkipsTheCheck() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            "aks",
            "create",
            "-g",
            "rg",
            "-n",
            "c1",
            "--no-ssh-key",
            "--bootstrap-artifact-source",
            "Cache",
            "--bootstrap-container-registry-resource-id",
            "");
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Test
  void cli3OtherIdArgumentsAreCheckedToo() {
    createFails("--vnet-subnet-id aks", 2, "--vnet-subnet-id is not a valid Azure resource ID.");
    createFails("--assign-identity cp", 2, "--assign-identity is not a valid Azure resource ID.");
  }

  // CLI4
  @Test
  void cli4CreateRegistryWithoutCacheFailsBecauseTheDefaultIsDirect() {
    createFails(
        "--bootstrap-container-registry-resource-id " + ACR,
        1,
        "Cannot specify --bootstrap-container-registry-resource-id when"
            + " --bootstrap-artifact-source is not Cache.");
  }

  @Test
  void cli4UpdateDirectWithRegistry() {
    updateFails(
        EXISTING,
        "--bootstrap-artifact-source Direct --bootstrap-container-registry-resource-id " + ACR,
        1,
        "Cannot specify --bootstrap-container-registry-resource-id when"
            + " --bootstrap-artifact-source is not Cache.");
  }

  // CLI6
  @Test
  void cli6BasicLoadBalancer() {
    createFails(
        "--outbound-type none --load-balancer-sku basic",
        1,
        "none doesn't support basic load balancer sku");
  }

  @Test
  void cli6UdrNeedsSubnet() {
    createFails(
        "--outbound-type userDefinedRouting",
        1,
        "--vnet-subnet-id must be specified for userDefinedRouting and it must be pre-configured"
            + " with a route table with egress rules");
  }

  @Test
  void cli6UserNatNeedsSubnet() {
    createFails(
        "--outbound-type userAssignedNATGateway",
        1,
        "--vnet-subnet-id must be specified for userAssignedNATGateway and it must be"
            + " pre-configured with a NAT gateway with outbound ips");
  }

  @Test
  void cli6ManagedNatRefusesSubnet() {
    createFails(
        "--outbound-type managedNATGateway --vnet-subnet-id " + SUBNET,
        1,
        "--vnet-subnet-id cannot be specified for managedNATGateway");
  }

  @Test
  void cli6LoadBalancerIps() {
    createFails(
        "--outbound-type none --load-balancer-managed-outbound-ip-count 2",
        1,
        "none type doesn't support customizing the standard load balancer ips");
  }

  @Test
  void cli6LoadBalancerConfig() {
    createFails(
        "--outbound-type none --load-balancer-idle-timeout 10",
        1,
        "none type doesn't support customizing the standard load balancer config");
  }

  @Test
  void cli6NatIps() {
    createFails(
        "--outbound-type loadBalancer --nat-gateway-managed-outbound-ip-count 2",
        1,
        "loadBalancer type doesn't support customizing the standard nat gateway ips");
  }

  @Test
  void cli6UpdateChecksTheClustersOutboundTypeForLbFlags() {
    updateFails(
        EXISTING.replace("\"outboundType\":\"loadBalancer\"", "\"outboundType\":\"none\""),
        "--load-balancer-managed-outbound-ip-count 2",
        1,
        "none type doesn't support customizing the standard load balancer ips");
  }

  @Test
  void cli6InvalidOutboundTypeInTheDecorator() {
    // Unreachable through the parser (its enum refuses first); the decorator's own guard.
    assertThatThrownBy(() -> NetworkRulesAccess.outboundType("managedNATGatewayV2", false))
        .isInstanceOf(CliException.class)
        .hasMessage(
            "Invalid outbound type, supported values are loadBalancer, managedNATGateway,"
                + " userAssignedNATGateway, userDefinedRouting and none. Please refer to"
                + " https://learn.microsoft.com/en-us/azure/aks/egress-outboundtype#updating-outboundtype-after-cluster-creation"
                + " for more details.")
        .extracting(e -> ((CliException) e).exitCode())
        .isEqualTo(1);
  }

  // CLI7
  @Test
  void cli7UpdateToNoneNullsTheLbAndNatProfiles() {
    FakeArm arm = AksCommandsTest.withCluster(EXISTING);
    CliRun run = arm.run(AksCommandsTest.args(UPDATE + "--outbound-type none"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    var net =
        FakeArm.body(arm.only("PUT", "/managedClusters/c1"))
            .path("properties")
            .path("networkProfile");
    assertThat(net.path("loadBalancerProfile").isNull()).isTrue();
    assertThat(net.path("natGatewayProfile").isNull()).isTrue();
  }

  // CLI8
  @Test
  void cli8UpdateVnetIntegrationNeedsSubnet() {
    updateFails(
        PUBLIC_CLUSTER,
        "--enable-apiserver-vnet-integration",
        1,
        "--apiserver-subnet-id is required for update with --enable-apiserver-vnet-integration.");
  }

  @Test
  void cli8ApiserverSubnetNeedsVnetSubnet() {
    createFails(
        "--enable-apiserver-vnet-integration --apiserver-subnet-id " + API_SUBNET,
        1,
        "\"--apiserver-subnet-id\" requires \"--vnet-subnet-id\".");
  }

  @Test
  void cli8ApiserverSubnetNeedsVnetIntegration() {
    createFails(
        "--vnet-subnet-id " + SUBNET + " --apiserver-subnet-id " + API_SUBNET,
        1,
        "\"--apiserver-subnet-id\" requires \"--enable-apiserver-vnet-integration\".");
  }

  @Test
  void cli8PrivateClusterNeedsStandardLb() {
    createFails(
        "--enable-private-cluster --load-balancer-sku basic",
        1,
        "Please use standard load balancer for private cluster");
  }

  @Test
  void cli8PrivateClusterRefusesAuthorizedRanges() {
    createFails(
        "--enable-private-cluster --api-server-authorized-ip-ranges 10.0.0.0/8",
        1,
        "--api-server-authorized-ip-ranges is not supported for private cluster");
  }

  @Test
  void cli8UpdatePrivateClusterRefusesAuthorizedRanges() {
    updateFails(
        EXISTING,
        "--api-server-authorized-ip-ranges 10.0.0.0/8",
        1,
        "--api-server-authorized-ip-ranges is not supported for private cluster");
  }

  @Test
  void cli8DisablePublicFqdnNeedsPrivateCluster() {
    createFails(
        "--disable-public-fqdn",
        1,
        "--disable-public-fqdn should only be used with --enable-private-cluster");
  }

  @Test
  void cli8PrivateDnsZoneNeedsPrivateCluster() {
    createFails(
        "--private-dns-zone system",
        1,
        "Invalid private dns zone for public cluster. It should always be empty for public"
            + " cluster");
  }

  @Test
  void cli8PrivateDnsZoneMustBeSystemNoneOrAnId() {
    createFails(
        "--enable-private-cluster --private-dns-zone myzone",
        1,
        "myzone is not a valid Azure resource ID.");
  }

  @Test
  void cli8FqdnSubdomainNeedsACustomZone() {
    createFails(
        "--enable-private-cluster --private-dns-zone system --fqdn-subdomain sub",
        1,
        "--fqdn-subdomain should only be used for private cluster with custom private dns zone");
  }

  @Test
  void cli8UpdateEnablePrivateClusterNeedsVnetIntegration() {
    updateFails(
        PUBLIC_CLUSTER,
        "--enable-private-cluster",
        1,
        "EEnabling private cluster requires enabling apiserver vnet"
            + " integration(--enable-apiserver-vnet-integration).");
    FakeArm preview = withPreview();
    preview.on(
        "GET",
        AksCommandsTest.MC + "/c1",
        r -> FakeArm.json(200, PUBLIC_CLUSTER, java.util.Map.of()));
    fails(
        preview,
        UPDATE + "--enable-private-cluster",
        1,
        "Enabling private cluster requires enabling apiserver vnet"
            + " integration(--enable-apiserver-vnet-integration).");
  }

  @Test
  void cli8UpdateDisablePrivateClusterNeedsVnetIntegration() {
    updateFails(
        EXISTING,
        "--disable-private-cluster",
        1,
        "DDisabling private cluster requires enabling apiserver vnet"
            + " integration(--enable-apiserver-vnet-integration).");
  }

  @Test
  void cli8UpdateVniClusterMayTogglePrivate() {
    FakeArm arm = AksCommandsTest.withCluster(VNI_CLUSTER);
    CliRun run = arm.run(AksCommandsTest.args(UPDATE + "--enable-private-cluster"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(
            FakeArm.body(arm.only("PUT", "/managedClusters/c1"))
                .path("properties")
                .path("apiServerAccessProfile")
                .path("enablePrivateCluster")
                .asBoolean())
        .isTrue();
  }

  @Test
  void cli8UpdatePublicFqdnFlagsNeedPrivateCluster() {
    updateFails(
        PUBLIC_CLUSTER,
        "--disable-public-fqdn",
        1,
        "--disable-public-fqdn can only be used for private cluster");
    updateFails(
        PUBLIC_CLUSTER,
        "--enable-public-fqdn",
        1,
        "--enable-public-fqdn can only be used for private cluster");
  }

  @Test
  void cli8UpdatePublicFqdnFlagsTogether() {
    updateFails(
        EXISTING,
        "--enable-public-fqdn --disable-public-fqdn",
        1,
        "Cannot specify '--enable-public-fqdn' and '--disable-public-fqdn' at the same time");
  }

  @Test
  void cli8DisablePublicFqdnWithNoneZone() {
    updateFails(
        EXISTING.replace(
            "\"apiServerAccessProfile\":{\"enablePrivateCluster\":true}",
            "\"apiServerAccessProfile\":{\"enablePrivateCluster\":true,\"privateDNSZone\":\"none\"}"),
        "--disable-public-fqdn",
        1,
        "--disable-public-fqdn cannot be applied for none mode private dns zone cluster");
  }

  // CLI10
  @Test
  void cli10KubeletIdentityNeedsAssignIdentity() {
    createFails(
        "--assign-kubelet-identity " + KUBELET_ID,
        1,
        "--assign-kubelet-identity can only be specified when --assign-identity is specified");
  }

  @Test
  void cli10BothIdentitiesAreFine() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            AksCommandsTest.args(
                CREATE
                    + "--assign-identity "
                    + CP_ID
                    + " --assign-kubelet-identity "
                    + KUBELET_ID));
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Test
  void missingRequiredArgumentIsAUsageError() {
    FakeArm arm = new FakeArm();
    CliRun run = arm.run("aks", "create", "-g", "rg");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ERROR: the following arguments are required: --name/-n\n");
  }
}
