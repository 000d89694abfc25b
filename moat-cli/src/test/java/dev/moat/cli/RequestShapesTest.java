package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.http.WireRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each command sends (path, api-version, body) for the seed's steps, against {@link FakeArm};
 * and how results print (az flattens {@code properties}).
 */
class RequestShapesTest {
  private static final String RG = "/subscriptions/" + FakeArm.SUB + "/resourceGroups/rg";
  private static final String NET = RG + "/providers/Microsoft.Network";

  private static String apiVersion(WireRequest r) {
    return r.uri().getRawQuery().replaceAll(".*api-version=([^&]*).*", "$1");
  }

  @Test
  void vnetCreateUsesTheGroupsLocationAndWrapsTheResultInNewVNet() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            "network",
            "vnet",
            "create",
            "--resource-group",
            "rg",
            "--name",
            "vnet1",
            "--address-prefixes",
            "192.168.0.0/16",
            "--query",
            "newVNet.addressSpace" + ".addressPrefixes[0]",
            "-o",
            "tsv");
    assertThat(run.out()).as(run.toString()).isEqualTo("192.168.0.0/16\n");
    WireRequest put = arm.only("PUT", "/virtualNetworks/vnet1");
    assertThat(put.uri().getRawPath()).isEqualTo(NET + "/virtualNetworks/vnet1");
    assertThat(apiVersion(put)).isEqualTo("2024-05-01");
    JsonNode body = FakeArm.body(put);
    assertThat(body.path("location").asText()).isEqualTo("eastus");
    assertThat(body.path("properties").path("addressSpace").path("addressPrefixes").get(0).asText())
        .isEqualTo("192.168.0.0/16");
  }

  @Test
  void subnetCreateSendsPoliciesAndNormalisesEnumCase() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            "network",
            "vnet",
            "subnet",
            "create",
            "--name",
            "acr",
            "--vnet-name",
            "vnet1",
            "--resource-group",
            "rg",
            "--address-prefixes",
            "192.168.2.0/24",
            "--private-endpoint-network-policies",
            "disabled",
            "--delegations",
            "Microsoft.ContainerService/managedClusters",
            "--default-outbound-access",
            "false");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    WireRequest put = arm.only("PUT", "/virtualNetworks/vnet1/subnets/acr");
    JsonNode props = FakeArm.body(put).path("properties");
    assertThat(props.path("addressPrefix").asText()).isEqualTo("192.168.2.0/24");
    assertThat(props.path("privateEndpointNetworkPolicies").asText()).isEqualTo("Disabled");
    assertThat(props.path("delegations").get(0).path("properties").path("serviceName").asText())
        .isEqualTo("Microsoft.ContainerService/managedClusters");
    assertThat(props.path("defaultOutboundAccess").asBoolean(true)).isFalse();
    // az prints the subnet flattened.
    assertThat(run.out()).contains("\"privateEndpointNetworkPolicies\": \"Disabled\"");
    assertThat(run.out()).doesNotContain("\"properties\"");
  }

  @Test
  void badEnumValueIsAzsParserError() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            "network",
            "vnet",
            "subnet",
            "create",
            "-n",
            "s",
            "--vnet-name",
            "v",
            "-g",
            "rg",
            "--private-endpoint-network-policies",
            "Sometimes");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "ERROR: az network vnet subnet create: 'Sometimes' is not a valid value for"
                + " '--private-endpoint-network-policies'. Allowed values: Disabled, Enabled,"
                + " NetworkSecurityGroupEnabled, RouteTableEnabled.\n");
    assertThat(arm.requests).isEmpty();
  }

  @Test
  void privateEndpointCreateConnectsToTheRegistry() {
    FakeArm arm = new FakeArm();
    String acr = RG + "/providers/Microsoft.ContainerRegistry/registries/acr1";
    arm.run(
        "network",
        "private-endpoint",
        "create",
        "--name",
        "pe",
        "--resource-group",
        "rg",
        "--vnet-name",
        "vnet1",
        "--subnet",
        "acr",
        "--private-connection-resource-id",
        acr,
        "--group-id",
        "registry",
        "--connection-name",
        "myConnection");
    JsonNode props = FakeArm.body(arm.only("PUT", "/privateEndpoints/pe")).path("properties");
    assertThat(props.path("subnet").path("id").asText())
        .isEqualTo(NET + "/virtualNetworks/vnet1/subnets/acr");
    JsonNode conn = props.path("privateLinkServiceConnections").get(0);
    assertThat(conn.path("name").asText()).isEqualTo("myConnection");
    assertThat(conn.path("properties").path("privateLinkServiceId").asText()).isEqualTo(acr);
    assertThat(conn.path("properties").path("groupIds").get(0).asText()).isEqualTo("registry");
  }

  @Test
  void nicQueriesOfTheSeedWorkOnFlattenedOutput() {
    FakeArm arm = new FakeArm();
    String nic = NET + "/networkInterfaces/pe.nic.1";
    arm.on(
        "GET",
        nic,
        r ->
            FakeArm.json(
                200,
                "{\"id\":\""
                    + nic
                    + "\",\"properties\":{"
                    + "\"ipConfigurations\":[{\"name\":\"c1\",\"properties\":{\"privateIPAddress\":"
                    + "\"192.168.2.4\",\"privateLinkConnectionProperties\":{\"requiredMemberName\":"
                    + "\"registry\"}}},{\"name\":\"c2\",\"properties\":{\"privateIPAddress\":\"192.168.2.5\","
                    + "\"privateLinkConnectionProperties\":{\"requiredMemberName\":"
                    + "\"registry_data_eastus\"}}}]}}",
                Map.of()));
    CliRun run =
        arm.run(
            "network",
            "nic",
            "show",
            "--ids",
            nic,
            "--query",
            "ipConfigurations[?privateLinkConnectionProperties.requiredMemberName=="
                + "'registry_data_eastus'].privateIPAddress",
            "--output",
            "tsv");
    assertThat(run.out()).as(run.toString()).isEqualTo("192.168.2.5\n");
  }

  @Test
  void addRecordCreatesTheSetWhenMissingAndAppends() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            "network",
            "private-dns",
            "record-set",
            "a",
            "add-record",
            "--record-set-name",
            "acr1",
            "--zone-name",
            "privatelink.azurecr.io",
            "--resource-group",
            "rg",
            "--ipv4-address",
            "192.168.2.4");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    WireRequest put = arm.only("PUT", "/privateDnsZones/privatelink.azurecr.io/A/acr1");
    assertThat(apiVersion(put)).isEqualTo("2024-06-01");
    JsonNode props = FakeArm.body(put).path("properties");
    assertThat(props.path("ttl").asInt()).isEqualTo(3600);
    assertThat(props.path("aRecords").get(0).path("ipv4Address").asText()).isEqualTo("192.168.2.4");
    assertThat(run.out()).contains("\"aRecords\": [");
  }

  @Test
  void linkVnetSendsTheVnetIdAndRegistrationFlag() {
    FakeArm arm = new FakeArm();
    arm.run(
        "network",
        "private-dns",
        "link",
        "vnet",
        "create",
        "--resource-group",
        "rg",
        "--zone-name",
        "privatelink.azurecr.io",
        "--name",
        "MyDNSLink",
        "--virtual-network",
        "vnet1",
        "--registration-enabled",
        "false");
    JsonNode body =
        FakeArm.body(
            arm.only(
                "PUT",
                "/privateDnsZones/privatelink.azurecr.io" + "/virtualNetworkLinks/MyDNSLink"));
    assertThat(body.path("location").asText()).isEqualTo("global");
    assertThat(body.path("properties").path("virtualNetwork").path("id").asText())
        .isEqualTo(NET + "/virtualNetworks/vnet1");
    assertThat(body.path("properties").path("registrationEnabled").isBoolean()).isTrue();
    assertThat(body.path("properties").path("registrationEnabled").asBoolean()).isFalse();
  }

  @Test
  void roleAssignmentResolvesTheRoleNameAndPutsANewGuid() {
    FakeArm arm = new FakeArm();
    String scope = RG + "/providers/Microsoft.ContainerRegistry/registries/acr1";
    String def =
        "/subscriptions/"
            + FakeArm.SUB
            + "/providers/Microsoft.Authorization/"
            + "roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d";
    arm.on(
        "GET",
        scope + "/providers/Microsoft.Authorization/roleDefinitions",
        r -> FakeArm.json(200, "{\"value\":[{\"id\":\"" + def + "\"}]}", Map.of()));
    CliRun run =
        arm.run(
            "role",
            "assignment",
            "create",
            "--role",
            "AcrPull",
            "--scope",
            scope,
            "--assignee-object-id",
            "11111111-2222-3333-4444-555555555555",
            "--assignee-principal-type",
            "ServicePrincipal");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    WireRequest lookup = arm.only("GET", "/providers/Microsoft.Authorization/roleDefinitions");
    assertThat(lookup.uri().getQuery()).contains("$filter=roleName eq 'AcrPull'");
    WireRequest put = arm.requests.get(arm.requests.size() - 1);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.uri().getRawPath())
        .matches(
            java.util.regex.Pattern.quote(scope)
                + "/providers/Microsoft.Authorization/roleAssignments/[0-9a-f-]{36}");
    assertThat(apiVersion(put)).isEqualTo("2022-04-01");
    JsonNode props = FakeArm.body(put).path("properties");
    assertThat(props.path("roleDefinitionId").asText()).isEqualTo(def);
    assertThat(props.path("principalType").asText()).isEqualTo("ServicePrincipal");
  }

  @Test
  void unknownRoleIsReported() {
    FakeArm arm = new FakeArm();
    arm.on(
        "GET",
        "/subscriptions/" + FakeArm.SUB + "/providers/Microsoft.Authorization/roleDefinitions",
        r -> FakeArm.json(200, "{\"value\":[]}", Map.of()));
    CliRun run =
        arm.run("role", "assignment", "create", "--role", "Nope", "--assignee-object-id", "x");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("ERROR: Role 'Nope' doesn't exist.\n");
  }

  @Test
  void acrCreateAndCacheRuleBodies() {
    FakeArm arm = new FakeArm();
    arm.run(
        "acr",
        "create",
        "--resource-group",
        "rg",
        "--name",
        "acr1",
        "--sku",
        "premium",
        "--public-network-enabled",
        "false");
    JsonNode acr = FakeArm.body(arm.only("PUT", "/registries/acr1"));
    assertThat(acr.path("sku").path("name").asText()).isEqualTo("Premium");
    assertThat(acr.path("properties").path("publicNetworkAccess").asText()).isEqualTo("Disabled");
    assertThat(apiVersion(arm.only("PUT", "/registries/acr1"))).isEqualTo("2025-11-01");
    arm.run(
        "acr",
        "cache",
        "create",
        "-n",
        "aks-managed-mcr",
        "-r",
        "acr1",
        "-g",
        "rg",
        "--source-repo",
        "mcr.microsoft.com/*",
        "--target-repo",
        "aks-managed-repository/*");
    JsonNode rule = FakeArm.body(arm.only("PUT", "/registries/acr1/cacheRules/aks-managed-mcr"));
    assertThat(rule.path("properties").path("sourceRepository").asText())
        .isEqualTo("mcr.microsoft.com/*");
    assertThat(rule.path("properties").path("targetRepository").asText())
        .isEqualTo("aks-managed-repository/*");
  }

  @Test
  void identityShowPrintsPrincipalIdFlattened() {
    FakeArm arm = new FakeArm();
    String id = RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet";
    arm.on(
        "GET",
        id,
        r ->
            FakeArm.json(
                200,
                "{\"id\":\""
                    + id
                    + "\",\"properties\":"
                    + "{\"principalId\":\"p-1\",\"clientId\":\"c-1\"}}",
                Map.of()));
    CliRun run =
        arm.run(
            "identity",
            "show",
            "--name",
            "kubelet",
            "--resource-group",
            "rg",
            "--query",
            "principalId",
            "-o",
            "tsv");
    assertThat(run.out()).isEqualTo("p-1\n");
    assertThat(apiVersion(arm.only("GET", "/kubelet"))).isEqualTo("2023-01-31");
  }

  @Test
  void pollingPrefersTheMillisecondHintToRetryAfter() {
    FakeArm arm = new FakeArm();
    String path = RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/quick";
    String op = FakeArm.ENDPOINT + "/subscriptions/" + FakeArm.SUB + "/providers/x/operations/9";
    Map<String, List<String>> hints =
        Map.of("Retry-After", List.of("1"), "retry-after-ms", List.of("100"));
    arm.on(
        "PUT",
        path,
        r ->
            FakeArm.json(
                201,
                "{\"properties\":{\"provisioningState\":\"Creating\"}}",
                Map.of("Azure-AsyncOperation", List.of(op), "retry-after-ms", List.of("100"))));
    int[] polls = {0};
    arm.on(
        "GET",
        "/subscriptions/" + FakeArm.SUB + "/providers/x/operations/9",
        r ->
            FakeArm.json(
                200,
                polls[0]++ == 0 ? "{\"status\":\"InProgress\"}" : "{\"status\":\"Succeeded\"}",
                hints));
    arm.on(
        "GET",
        path,
        r ->
            FakeArm.json(
                200,
                "{\"name\":\"quick\",\"properties\":{\"provisioningState\":\"Succeeded\"}}",
                Map.of()));
    CliRun run =
        arm.run("identity", "create", "-g", "rg", "-n", "quick", "-l", "eastus", "-o", "none");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(arm.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @Test
  void putPollsAzureAsyncOperationHonouringRetryAfterThenReadsTheResource() {
    FakeArm arm = new FakeArm();
    String path = RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/slow";
    String op = FakeArm.ENDPOINT + "/subscriptions/" + FakeArm.SUB + "/providers/x/operations/1";
    arm.on(
        "PUT",
        path,
        r ->
            FakeArm.json(
                201,
                "{\"properties\":{\"provisioningState\":" + "\"Creating\"}}",
                Map.of("Azure-AsyncOperation", List.of(op), "Retry-After", List.of("3"))));
    int[] polls = {0};
    arm.on(
        "GET",
        "/subscriptions/" + FakeArm.SUB + "/providers/x/operations/1",
        r ->
            FakeArm.json(
                200,
                polls[0]++ == 0 ? "{\"status\":\"InProgress\"}" : "{\"status\":\"Succeeded\"}",
                Map.of("Retry-After", List.of("0"))));
    arm.on(
        "GET",
        path,
        r ->
            FakeArm.json(
                200,
                "{\"name\":\"slow\",\"properties\":" + "{\"provisioningState\":\"Succeeded\"}}",
                Map.of()));
    CliRun run =
        arm.run(
            "identity",
            "create",
            "-g",
            "rg",
            "-n",
            "slow",
            "-l",
            "eastus",
            "--query",
            "provisioningState",
            "-o",
            "tsv");
    assertThat(run.out()).as(run.toString()).isEqualTo("Succeeded\n");
    assertThat(arm.pauses).containsExactly(Duration.ofSeconds(3), Duration.ZERO);
    assertThat(run.err()).isEmpty(); // no progress indicator when stderr is not a terminal
  }

  @Test
  void failedOperationPrintsItsError() {
    FakeArm arm = new FakeArm();
    String path = NET + "/virtualNetworks/bad";
    String op = FakeArm.ENDPOINT + "/op/2";
    arm.on("PUT", path, r -> FakeArm.json(201, "{}", Map.of("Azure-AsyncOperation", List.of(op))));
    arm.on(
        "GET",
        "/op/2",
        r ->
            FakeArm.json(
                200,
                "{\"status\":\"Failed\",\"error\":{\"code\":"
                    + "\"NetcfgInvalidSubnet\",\"message\":\"Subnet is not valid.\"}}",
                Map.of()));
    CliRun run = arm.run("network", "vnet", "create", "-g", "rg", "-n", "bad", "-l", "eastus");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "ERROR: (NetcfgInvalidSubnet) Subnet is not valid.\n"
                + "Code: NetcfgInvalidSubnet\nMessage: Subnet is not valid.\n");
  }
}
