package dev.moat.cli;

import static dev.moat.cli.AksCommandsTest.MC;
import static dev.moat.cli.AksCommandsTest.RG;
import static dev.moat.cli.AksCommandsTest.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.http.WireRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * az's parser behaviour and the options of issue 12, against {@link FakeArm}: unknown options are
 * reported and never taken as values, the new options reach the request body as az sends them, and
 * az's validators give az's messages and exit codes.
 */
class OptionTablesTest {
  private static final String POOL = MC + "/c1/agentPools/p1";

  @Test
  void anUnknownOptionAfterAListIsReportedNotTakenAsAValue() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            args(
                "network vnet subnet create -g rg --vnet-name v -n s --address-prefixes"
                    + " 10.80.16.0/24 --bogus-option x"));
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).startsWith("ERROR: unrecognized arguments: --bogus-option x");
    assertThat(arm.describe()).doesNotContain("PUT");
  }

  @Test
  void serviceEndpointsFollowTheAddressPrefixes() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            args(
                "network vnet subnet create -g rg --vnet-name v -n s --address-prefixes"
                    + " 10.80.16.0/24 --service-endpoints Microsoft.Storage --nsg n1"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode p = FakeArm.body(arm.only("PUT", "/subnets/s")).path("properties");
    assertThat(p.path("addressPrefix").asText()).isEqualTo("10.80.16.0/24");
    assertThat(p.path("addressPrefixes").isMissingNode()).isTrue();
    assertThat(p.path("serviceEndpoints").get(0).path("service").asText())
        .isEqualTo("Microsoft.Storage");
    assertThat(p.path("networkSecurityGroup").path("id").asText())
        .isEqualTo(RG + "/providers/Microsoft.Network/networkSecurityGroups/n1");
  }

  @Test
  void aksCreateSendsTheServiceCidrAndDnsServiceIp() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            args(
                "aks create -g rg -n c1 --no-ssh-key --network-plugin azure --service-cidr"
                    + " 10.100.0.0/16 --dns-service-ip 10.100.0.10 --tier standard"
                    + " --enable-cluster-autoscaler --min-count 1 --max-count 4 -c 2 --zones 1 2"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode body = FakeArm.body(arm.only("PUT", "/managedClusters/c1"));
    JsonNode network = body.path("properties").path("networkProfile");
    assertThat(network.path("serviceCidr").asText()).isEqualTo("10.100.0.0/16");
    assertThat(network.path("dnsServiceIP").asText()).isEqualTo("10.100.0.10");
    assertThat(body.path("sku").path("tier").asText()).isEqualTo("Standard");
    JsonNode pool = body.path("properties").path("agentPoolProfiles").get(0);
    assertThat(pool.path("enableAutoScaling").asBoolean()).isTrue();
    assertThat(pool.path("minCount").asInt()).isEqualTo(1);
    assertThat(pool.path("maxCount").asInt()).isEqualTo(4);
    assertThat(pool.path("availabilityZones").toString()).isEqualTo("[\"1\",\"2\"]");
  }

  @Test
  void aksCreateRejectsANetworkPolicyWithoutAPlugin() {
    CliRun run =
        new FakeArm().run(args("aks create -g rg -n c1 --no-ssh-key --network-policy calico"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Please explicitly specify the network plugin type");
  }

  @Test
  void nodepoolAddSendsTheAutoscaler() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            args(
                "aks nodepool add -g rg --cluster-name c1 -n p1 --enable-cluster-autoscaler"
                    + " --min-count 1 --max-count 5 --node-count 2 --node-taints"
                    + " sku=gpu:NoSchedule --max-surge 33% --os-sku AzureLinux --zones 1 2 3"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode p = FakeArm.body(arm.only("PUT", "/agentPools/p1")).path("properties");
    assertThat(p.path("enableAutoScaling").asBoolean()).isTrue();
    assertThat(p.path("minCount").asInt()).isEqualTo(1);
    assertThat(p.path("maxCount").asInt()).isEqualTo(5);
    assertThat(p.path("count").asInt()).isEqualTo(2);
    assertThat(p.path("mode").asText()).isEqualTo("User");
    assertThat(p.path("nodeTaints").get(0).asText()).isEqualTo("sku=gpu:NoSchedule");
    assertThat(p.path("upgradeSettings").path("maxSurge").asText()).isEqualTo("33%");
    assertThat(p.path("osSKU").asText()).isEqualTo("AzureLinux");
    assertThat(p.path("availabilityZones")).hasSize(3);
  }

  @Test
  void nodepoolValidatorsAnswerAsAz() {
    FakeArm arm = new FakeArm();
    CliRun range =
        arm.run(
            args(
                "aks nodepool add -g rg --cluster-name c1 -n p1 --enable-cluster-autoscaler"
                    + " --min-count 1 --max-count 1001"));
    assertThat(range.exitCode()).isEqualTo(1);
    assertThat(range.err()).isEqualTo("ERROR: --max-count must be in the range [0,1000]\n");
    CliRun notInt = arm.run(args("aks nodepool add -g rg --cluster-name c1 -n p1 -c abc"));
    assertThat(notInt.exitCode()).isEqualTo(2);
    assertThat(notInt.err())
        .isEqualTo("ERROR: argument --node-count/-c: invalid int value: 'abc'\n");
    CliRun name = arm.run(args("aks nodepool add -g rg --cluster-name c1 -n pool-1"));
    assertThat(name.err())
        .isEqualTo("ERROR: --nodepool-name should contain only alphanumeric characters\n");
    CliRun mode = arm.run(args("aks nodepool add -g rg --cluster-name c1 -n p1 --mode edge"));
    assertThat(mode.exitCode()).isEqualTo(2);
    assertThat(mode.err())
        .isEqualTo(
            "ERROR: az aks nodepool add: 'edge' is not a valid value for '--mode'. Allowed"
                + " values: System, User, Gateway.\n");
    CliRun counts =
        arm.run(
            args(
                "aks nodepool add -g rg --cluster-name c1 -n p1 --enable-cluster-autoscaler"
                    + " --min-count 3"));
    assertThat(counts.err())
        .contains("Please specify both min-count and max-count when --enable-cluster-autoscaler");
    CliRun missing = arm.run(args("aks nodepool add -g rg -n p1"));
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("ERROR: the following arguments are required: --cluster-name\n");
    assertThat(arm.describe()).doesNotContain("PUT");
  }

  @Test
  void nodepoolUpdateTurnsTheAutoscalerOnOverTheCurrentPool() {
    FakeArm arm = new FakeArm();
    givenPool(arm, "\"mode\":\"User\",\"provisioningState\":\"Succeeded\"");
    CliRun run =
        arm.run(
            args(
                "aks nodepool update -g rg --cluster-name c1 -n p1 -e --min-count 1 --max-count"
                    + " 3 --labels team=a"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode p = FakeArm.body(arm.only("PUT", "/agentPools/p1")).path("properties");
    assertThat(p.path("count").asInt()).isEqualTo(2);
    assertThat(p.path("enableAutoScaling").asBoolean()).isTrue();
    assertThat(p.path("maxCount").asInt()).isEqualTo(3);
    assertThat(p.path("nodeLabels").path("team").asText()).isEqualTo("a");
    assertThat(p.has("provisioningState")).isFalse();
    CliRun both = arm.run(args("aks nodepool update -g rg --cluster-name c1 -n p1 -e -d"));
    assertThat(both.err()).contains("Can only specify one of --enable-cluster-autoscaler");
  }

  @Test
  void nodepoolScaleAndUpgrade() {
    FakeArm arm = new FakeArm();
    givenPool(arm, "\"orchestratorVersion\":\"1.31.1\"");
    CliRun same = arm.run(args("aks nodepool scale -g rg --cluster-name c1 -n p1 -c 2"));
    assertThat(same.exitCode()).isEqualTo(1);
    assertThat(same.err()).contains("The new node count is the same as the current node count.");
    CliRun scale = arm.run(args("aks nodepool scale -g rg --cluster-name c1 -n p1 -c 5"));
    assertThat(scale.exitCode()).as(scale.toString()).isZero();
    WireRequest put = arm.only("PUT", "/agentPools/p1");
    assertThat(FakeArm.body(put).path("properties").path("count").asInt()).isEqualTo(5);
    CliRun upgrade =
        arm.run(args("aks nodepool upgrade -g rg --cluster-name c1 -n p1 -k v1.32.0 --yes"));
    assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
    CliRun conflict =
        arm.run(
            args(
                "aks nodepool upgrade -g rg --cluster-name c1 -n p1 --node-image-only"
                    + " --max-surge 2"));
    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.err()).contains("Unable to specify max-surge");
  }

  @Test
  void anUnsupportedOptionSaysWhy() {
    FakeArm arm = new FakeArm();
    CliRun table = arm.run(args("aks nodepool add -g rg --cluster-name c1 -n p1 --if-match abc"));
    assertThat(table.exitCode()).isEqualTo(2);
    assertThat(table.err()).startsWith("ERROR: argument --if-match: not supported by Moat: ");
    CliRun annotated = arm.run(args("aks create -g rg -n c1 --enable-addons monitoring"));
    assertThat(annotated.exitCode()).isEqualTo(2);
    assertThat(annotated.err())
        .startsWith("ERROR: argument --enable-addons: not supported by Moat: ");
    assertThat(arm.describe()).doesNotContain("PUT");
  }

  /** Pool p1 of cluster c1 as the RP returns it: two nodes and {@code more} properties. */
  private static void givenPool(FakeArm arm, String more) {
    String pool =
        "{\"id\":\"" + POOL + "\",\"name\":\"p1\",\"properties\":{\"count\":2," + more + "}}";
    arm.on("GET", POOL, r -> FakeArm.json(200, pool, Map.of()));
  }
}
