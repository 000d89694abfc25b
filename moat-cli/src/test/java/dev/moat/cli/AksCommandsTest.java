package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each {@code az aks} command sends, against {@link FakeArm}, and how it prints. */
class AksCommandsTest {
  static final String RG = "/subscriptions/" + FakeArm.SUB + "/resourceGroups/rg";
  static final String MC = RG + "/providers/Microsoft.ContainerService/managedClusters";
  static final String SUBNET = RG + "/providers/Microsoft.Network/virtualNetworks/v/subnets/aks";
  static final String API_SUBNET =
      RG + "/providers/Microsoft.Network/virtualNetworks/v/subnets/api";
  static final String ACR = RG + "/providers/Microsoft.ContainerRegistry/registries/acr1";
  static final String ACR2 = RG + "/providers/Microsoft.ContainerRegistry/registries/acr2";
  static final String CP_ID = RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/cp";
  static final String KUBELET_ID =
      RG + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet";
  private static final ObjectMapper JSON = new ObjectMapper();

  static String apiVersion(WireRequest r) {
    return r.uri().getRawQuery().replaceAll(".*api-version=([^&]*).*", "$1");
  }

  /** An existing cluster as the RP returns it: read-only fields, two pools, an LB profile. */
  static final String EXISTING =
      "{\"id\":\""
          + MC
          + "/c1\",\"name\":\"c1\",\"type\":\"Microsoft.ContainerService/ManagedClusters\","
          + "\"location\":\"eastus\",\"tags\":{\"team\":\"a\"},"
          + "\"sku\":{\"name\":\"Base\",\"tier\":\"Free\"},"
          + "\"identity\":{\"type\":\"UserAssigned\",\"userAssignedIdentities\":{\""
          + CP_ID
          + "\":{\"principalId\":\"p\",\"clientId\":\"c\"}}},"
          + "\"properties\":{\"provisioningState\":\"Succeeded\",\"powerState\":{\"code\":\"Running\"},"
          + "\"kubernetesVersion\":\"1.30.3\",\"currentKubernetesVersion\":\"1.30.3\","
          + "\"dnsPrefix\":\"c1-rg-6d6f61\",\"fqdn\":\"c1-rg-6d6f61-x.hcp.eastus.azmk8s.io\","
          + "\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":3,\"vmSize\":\"Standard_DS2_v2\","
          + "\"mode\":\"System\",\"provisioningState\":\"Succeeded\",\"vnetSubnetID\":\""
          + SUBNET
          + "\"},{\"name\":\"user1\",\"count\":1,\"vmSize\":\"Standard_DS2_v2\",\"mode\":\"User\"}],"
          + "\"linuxProfile\":{\"adminUsername\":\"azureuser\",\"ssh\":{\"publicKeys\":[{\"keyData\":\"ssh-rsa AAAA\"}]}},"
          + "\"enableRBAC\":true,\"addonProfiles\":{},"
          + "\"networkProfile\":{\"networkPlugin\":\"azure\",\"outboundType\":\"loadBalancer\","
          + "\"loadBalancerSku\":\"standard\",\"loadBalancerProfile\":{\"managedOutboundIPs\":{\"count\":1}}},"
          + "\"apiServerAccessProfile\":{\"enablePrivateCluster\":true},"
          + "\"identityProfile\":{\"kubeletidentity\":{\"resourceId\":\""
          + KUBELET_ID
          + "\"}},"
          + "\"bootstrapProfile\":{\"artifactSource\":\"Cache\",\"containerRegistryId\":\""
          + ACR
          + "\"}}}";

  static FakeArm withCluster(String json) {
    FakeArm arm = new FakeArm();
    arm.on("GET", MC + "/c1", r -> FakeArm.json(200, json, Map.of()));
    for (String pool : List.of("nodepool1", "user1")) {
      arm.on(
          "POST",
          MC + "/c1/agentPools/" + pool + "/upgradeNodeImageVersion",
          r ->
              FakeArm.json(
                  202,
                  "{\"name\":\""
                      + pool
                      + "\",\"properties\":{\"provisioningState\":\"UpgradingNodeImageVersion\"}}",
                  Map.of("Azure-AsyncOperation", List.of(FakeArm.ENDPOINT + "/op/never-polled"))));
    }
    return arm;
  }

  static String[] args(String line) {
    return line.trim().split("\\s+");
  }

  static String sshKey() {
    try {
      java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
      g.initialize(1024);
      return dev.moat.cli.commands.aks.SshKeysAccess.publicKey(
          (java.security.interfaces.RSAPublicKey) g.generateKeyPair().getPublic());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void createByoAcrPrivateLinkSendsTheSeedsBody() {
    FakeArm arm = new FakeArm();
    String key = sshKey();
    List<String> a =
        new ArrayList<>(
            List.of(
                args(
                    "aks create --resource-group rg --name c1 --kubernetes-version 1.30.3"
                        + " --vnet-subnet-id "
                        + SUBNET
                        + " --assign-identity "
                        + CP_ID
                        + " --assign-kubelet-identity "
                        + KUBELET_ID
                        + " --bootstrap-artifact-source Cache"
                        + " --bootstrap-container-registry-resource-id "
                        + ACR
                        + " --outbound-type none --network-plugin azure --enable-private-cluster")));
    a.add("--ssh-key-value");
    a.add(key);
    CliRun run = arm.run(a.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    WireRequest put = arm.only("PUT", "/managedClusters/c1");
    assertThat(put.uri().getRawPath()).isEqualTo(MC + "/c1");
    assertThat(apiVersion(put)).isEqualTo("2025-10-01");
    JsonNode body = FakeArm.body(put);
    assertThat(body.path("location").asText()).isEqualTo("eastus");
    assertThat(body.path("identity").path("type").asText()).isEqualTo("UserAssigned");
    assertThat(body.path("identity").path("userAssignedIdentities").path(CP_ID).isObject())
        .isTrue();
    assertThat(body.path("identity").path("userAssignedIdentities").path(CP_ID).isEmpty()).isTrue();
    JsonNode p = body.path("properties");
    assertThat(p.path("kubernetesVersion").asText()).isEqualTo("1.30.3");
    assertThat(p.path("dnsPrefix").asText()).isEqualTo("c1-rg-6d6f61");
    assertThat(p.path("identityProfile").path("kubeletidentity").path("resourceId").asText())
        .isEqualTo(KUBELET_ID);
    assertThat(p.path("bootstrapProfile").path("artifactSource").asText()).isEqualTo("Cache");
    assertThat(p.path("bootstrapProfile").path("containerRegistryId").asText()).isEqualTo(ACR);
    assertThat(p.path("networkProfile").path("outboundType").asText()).isEqualTo("none");
    assertThat(p.path("networkProfile").path("networkPlugin").asText()).isEqualTo("azure");
    assertThat(p.path("networkProfile").has("loadBalancerProfile")).isFalse();
    assertThat(p.path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean()).isTrue();
    assertThat(p.path("apiServerAccessProfile").has("enableVnetIntegration")).isFalse();
    JsonNode pool = p.path("agentPoolProfiles").get(0);
    assertThat(pool.path("name").asText()).isEqualTo("nodepool1");
    assertThat(pool.path("count").asInt()).isEqualTo(3);
    assertThat(pool.path("vmSize").asText()).isEqualTo("Standard_DS2_v2");
    assertThat(pool.path("mode").asText()).isEqualTo("System");
    assertThat(pool.path("vnetSubnetID").asText()).isEqualTo(SUBNET);
    assertThat(pool.path("orchestratorVersion").asText()).isEqualTo("1.30.3");
    assertThat(
            p.path("linuxProfile").path("ssh").path("publicKeys").get(0).path("keyData").asText())
        .isEqualTo(key);
    // az prints the cluster with its properties flattened.
    assertThat(run.out()).contains("\"outboundType\": \"none\"").doesNotContain("\"properties\"");
  }

  @Test
  void createDefaultsAreDirectLoadBalancerAndASystemIdentity() {
    FakeArm arm = new FakeArm();
    CliRun run = arm.run(args("aks create -g rg -n c1 --no-ssh-key --node-count 1 --tags a=b"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode body = FakeArm.body(arm.only("PUT", "/managedClusters/c1"));
    JsonNode p = body.path("properties");
    assertThat(p.path("bootstrapProfile").toString()).isEqualTo("{\"artifactSource\":\"Direct\"}");
    assertThat(p.path("networkProfile").path("outboundType").asText()).isEqualTo("loadBalancer");
    assertThat(p.path("networkProfile").path("loadBalancerSku").asText()).isEqualTo("standard");
    assertThat(body.path("identity").path("type").asText()).isEqualTo("SystemAssigned");
    assertThat(body.path("tags").path("a").asText()).isEqualTo("b");
    assertThat(p.has("linuxProfile")).isFalse();
    assertThat(p.has("apiServerAccessProfile")).isFalse();
    assertThat(p.has("identityProfile")).isFalse();
    assertThat(p.path("agentPoolProfiles").get(0).path("count").asInt()).isEqualTo(1);
  }

  @Test
  void createWithApiServerVnetIntegrationSendsTheSubnet() {
    FakeArm arm = new FakeArm();
    CliRun run =
        arm.run(
            args(
                "aks create -g rg -n c1 --no-ssh-key --vnet-subnet-id "
                    + SUBNET
                    + " --enable-apiserver-vnet-integration --apiserver-subnet-id "
                    + API_SUBNET
                    + " --bootstrap-artifact-source cache --outbound-type NONE"
                    + " --network-plugin azure --network-plugin-mode overlay --dns-name-prefix dp"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode p = FakeArm.body(arm.only("PUT", "/managedClusters/c1")).path("properties");
    assertThat(p.path("apiServerAccessProfile").path("enableVnetIntegration").asBoolean()).isTrue();
    assertThat(p.path("apiServerAccessProfile").path("subnetId").asText()).isEqualTo(API_SUBNET);
    assertThat(p.path("apiServerAccessProfile").has("enablePrivateCluster")).isFalse();
    // enum values are normalised to az's canonical spelling
    assertThat(p.path("bootstrapProfile").path("artifactSource").asText()).isEqualTo("Cache");
    assertThat(p.path("bootstrapProfile").has("containerRegistryId")).isFalse();
    assertThat(p.path("networkProfile").path("outboundType").asText()).isEqualTo("none");
    assertThat(p.path("networkProfile").path("networkPluginMode").asText()).isEqualTo("overlay");
    assertThat(p.path("dnsPrefix").asText()).isEqualTo("dp");
  }

  @Test
  void defaultDnsPrefixFollowsAz() {
    FakeArm arm = new FakeArm();
    arm.on(
        "GET",
        "/subscriptions/" + FakeArm.SUB + "/resourceGroups/My_Group.With-Long-Name",
        r -> FakeArm.json(200, "{\"location\":\"westus\"}", Map.of()));
    arm.run(args("aks create -g My_Group.With-Long-Name -n 1cluster_name_long --no-ssh-key"));
    JsonNode body = FakeArm.body(arm.only("PUT", "/managedClusters/1cluster_name_long"));
    assertThat(body.path("properties").path("dnsPrefix").asText())
        .isEqualTo("a1clustern-MyGroupWith-Long-6d6f61");
    assertThat(body.path("location").asText()).isEqualTo("westus");
  }

  @Test
  void noWaitPrintsNothing() {
    FakeArm arm = new FakeArm();
    CliRun run = arm.run(args("aks create -g rg -n c1 --no-ssh-key --no-wait"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    arm.only("PUT", "/managedClusters/c1");
  }

  @Test
  void updateGetsThenPutsBackEverythingElse() throws Exception {
    FakeArm arm =
        withCluster(
            EXISTING
                .replace("\"Cache\"", "\"Direct\"")
                .replace(",\"containerRegistryId\":\"" + ACR + "\"", ""));
    CliRun run =
        arm.run(
            args(
                "aks update --resource-group rg --name c1 --bootstrap-artifact-source Cache"
                    + " --bootstrap-container-registry-resource-id "
                    + ACR2
                    + " --outbound-type none"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    WireRequest put = arm.only("PUT", "/managedClusters/c1");
    assertThat(apiVersion(put)).isEqualTo("2025-10-01");
    ObjectNode sent = (ObjectNode) FakeArm.body(put);
    ObjectNode expected = (ObjectNode) JSON.readTree(EXISTING);
    for (String ro : List.of("id", "name", "type")) {
      expected.remove(ro);
    }
    ObjectNode props = (ObjectNode) expected.get("properties");
    for (String ro :
        List.of("provisioningState", "powerState", "currentKubernetesVersion", "fqdn")) {
      props.remove(ro);
    }
    ((ObjectNode) props.get("agentPoolProfiles").get(0)).remove("provisioningState");
    ((ObjectNode) expected.get("identity").get("userAssignedIdentities")).putObject(CP_ID);
    ObjectNode net = (ObjectNode) props.get("networkProfile");
    net.put("outboundType", "none");
    net.putNull("loadBalancerProfile");
    net.putNull("natGatewayProfile");
    ((ObjectNode) props.get("bootstrapProfile"))
        .put("artifactSource", "Cache")
        .put("containerRegistryId", ACR2);
    assertThat(sent).isEqualTo(expected);
  }

  @Test
  void updateWithArtifactSourceOnlyClearsTheRegistry() {
    FakeArm arm = withCluster(EXISTING);
    CliRun run = arm.run(args("aks update -g rg -n c1 --bootstrap-artifact-source Cache"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode b =
        FakeArm.body(arm.only("PUT", "/managedClusters/c1"))
            .path("properties")
            .path("bootstrapProfile");
    assertThat(b.path("artifactSource").asText()).isEqualTo("Cache");
    assertThat(b.path("containerRegistryId").isNull()).isTrue();
  }

  @Test
  void updateWithRegistryIdOnlyLeavesTheBootstrapProfileAlone() {
    FakeArm arm = withCluster(EXISTING);
    CliRun run =
        arm.run(args("aks update -g rg -n c1 --bootstrap-container-registry-resource-id " + ACR2));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode b =
        FakeArm.body(arm.only("PUT", "/managedClusters/c1"))
            .path("properties")
            .path("bootstrapProfile");
    assertThat(b.path("containerRegistryId").asText()).isEqualTo(ACR);
  }

  @Test
  void disableMovesBackToDirectAndLoadBalancer() {
    FakeArm arm = withCluster(EXISTING);
    CliRun run =
        arm.run(
            args(
                "aks update -g rg -n c1 --bootstrap-artifact-source Direct --outbound-type"
                    + " LoadBalancer"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode p = FakeArm.body(arm.only("PUT", "/managedClusters/c1")).path("properties");
    assertThat(p.path("bootstrapProfile").path("artifactSource").asText()).isEqualTo("Direct");
    assertThat(p.path("bootstrapProfile").path("containerRegistryId").isNull()).isTrue();
    assertThat(p.path("networkProfile").path("outboundType").asText()).isEqualTo("loadBalancer");
    assertThat(
            p.path("networkProfile")
                .path("loadBalancerProfile")
                .path("managedOutboundIPs")
                .path("count")
                .asInt())
        .isEqualTo(1);
    assertThat(p.path("networkProfile").path("natGatewayProfile").isNull()).isTrue();
  }

  @Test
  void upgradeNodeImageOnlyPostsForEveryPoolThenShowsTheCluster() {
    FakeArm arm = withCluster(EXISTING);
    CliRun run = arm.run(args("aks upgrade -g rg -n c1 --node-image-only --yes"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    WireRequest p1 = arm.only("POST", "/agentPools/nodepool1/upgradeNodeImageVersion");
    WireRequest p2 = arm.only("POST", "/agentPools/user1/upgradeNodeImageVersion");
    assertThat(p1.uri().getRawPath())
        .isEqualTo(MC + "/c1/agentPools/nodepool1/upgradeNodeImageVersion");
    assertThat(apiVersion(p1)).isEqualTo("2025-10-01");
    assertThat(apiVersion(p2)).isEqualTo("2025-10-01");
    assertThat(p1.body()).isNull();
    assertThat(arm.requests.get(arm.requests.size() - 1).method()).isEqualTo("GET");
    assertThat(run.out()).contains("\"kubernetesVersion\": \"1.30.3\"");
  }

  @Test
  void upgradeAsksTwiceAtATerminal() {
    FakeArm arm = withCluster(EXISTING);
    List<String> prompts = new ArrayList<>();
    arm.terminal =
        new Terminal() {
          @Override
          public boolean isInteractive() {
            return true;
          }

          @Override
          public String ask(String prompt) {
            prompts.add(prompt);
            return "y";
          }
        };
    CliRun run = arm.run(args("aks upgrade -g rg -n c1 --node-image-only"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(prompts)
        .containsExactly(
            "Kubernetes may be unavailable during cluster upgrades.\n Are you sure you want to"
                + " perform this operation? (y/N): ",
            "This node image upgrade operation will run across every node pool in the cluster and"
                + " might take a while. Do you wish to continue? (y/N): ");
    assertThat(arm.requests.stream().filter(r -> r.method().equals("POST")).count()).isEqualTo(2);
  }

  @Test
  void upgradeWithoutATerminalNeedsYes() {
    FakeArm arm = withCluster(EXISTING);
    CliRun run = arm.run(args("aks upgrade -g rg -n c1 --node-image-only"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("ERROR: Unable to prompt for confirmation as no tty available. Use --yes.\n");
    assertThat(arm.requests).isEmpty();
  }

  @Test
  void showListDeleteAndGetVersionsPaths() {
    FakeArm arm = withCluster(EXISTING);
    arm.on("GET", MC, r -> FakeArm.json(200, "{\"value\":[" + EXISTING + "]}", Map.of()));
    arm.on(
        "GET",
        "/subscriptions/" + FakeArm.SUB + "/providers/Microsoft.ContainerService/managedClusters",
        r -> FakeArm.json(200, "{\"value\":[]}", Map.of()));
    CliRun show =
        arm.run(args("aks show -g rg -n c1 --query bootstrapProfile.artifactSource -o tsv"));
    assertThat(show.out()).as(show.toString()).isEqualTo("Cache\n");
    assertThat(apiVersion(arm.only("GET", "/managedClusters/c1"))).isEqualTo("2025-10-01");
    CliRun list = arm.run(args("aks list -g rg --query [0].networkProfile.outboundType -o tsv"));
    assertThat(list.out()).isEqualTo("loadBalancer\n");
    CliRun all = arm.run(args("aks list"));
    assertThat(all.out()).isEqualTo("[]\n");
    CliRun delete = arm.run(args("aks delete -g rg -n c1 --yes --no-wait"));
    assertThat(delete.exitCode()).as(delete.toString()).isZero();
    assertThat(arm.only("DELETE", "/managedClusters/c1").uri().getRawPath()).isEqualTo(MC + "/c1");
    String versions =
        "/subscriptions/"
            + FakeArm.SUB
            + "/providers/Microsoft.ContainerService/locations/eastus/kubernetesVersions";
    arm.on(
        "GET", versions, r -> FakeArm.json(200, "{\"values\":[{\"version\":\"1.30\"}]}", Map.of()));
    CliRun v = arm.run(args("aks get-versions -l eastus --query values[0].version -o tsv"));
    assertThat(v.out()).as(v.toString()).isEqualTo("1.30\n");
  }

  @Test
  void showOfAMissingClusterExits3() {
    FakeArm arm = new FakeArm();
    CliRun run = arm.run(args("aks show -g rg -n nope"));
    assertThat(run.exitCode()).isEqualTo(3);
  }

  @Test
  void nodepoolCommands() {
    FakeArm arm = new FakeArm();
    CliRun add =
        arm.run(
            args(
                "aks nodepool add -g rg --cluster-name c1 --name user2 --node-count 2 --mode user"
                    + " --labels a=b"));
    assertThat(add.exitCode()).as(add.toString()).isZero();
    WireRequest put = arm.only("PUT", "/agentPools/user2");
    assertThat(put.uri().getRawPath()).isEqualTo(MC + "/c1/agentPools/user2");
    assertThat(apiVersion(put)).isEqualTo("2025-10-01");
    JsonNode p = FakeArm.body(put).path("properties");
    assertThat(p.path("count").asInt()).isEqualTo(2);
    assertThat(p.path("mode").asText()).isEqualTo("User");
    assertThat(p.path("vmSize").asText()).isEqualTo("Standard_DS2_v2");
    assertThat(p.path("nodeLabels").path("a").asText()).isEqualTo("b");
    arm.on(
        "GET",
        MC + "/c1/agentPools",
        r ->
            FakeArm.json(
                200, "{\"value\":[{\"name\":\"user2\",\"properties\":{\"count\":2}}]}", Map.of()));
    CliRun list =
        arm.run(args("aks nodepool list -g rg --cluster-name c1 --query [0].count -o tsv"));
    assertThat(list.out()).as(list.toString()).isEqualTo("2\n");
    CliRun show = arm.run(args("aks nodepool show -g rg --cluster-name c1 -n missing"));
    assertThat(show.exitCode()).isEqualTo(3);
    CliRun delete = arm.run(args("aks nodepool delete -g rg --cluster-name c1 -n user2 --no-wait"));
    assertThat(delete.exitCode()).as(delete.toString()).isZero();
    arm.only("DELETE", "/agentPools/user2");
  }

  private static String kubeconfig(String cluster, String user) {
    return "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: Q0E=\n"
        + "    server: https://"
        + cluster
        + ".hcp.eastus.azmk8s.io:443\n  name: "
        + cluster
        + "\n"
        + "contexts:\n- context:\n    cluster: "
        + cluster
        + "\n    user: "
        + user
        + "\n  name: "
        + cluster
        + "\n"
        + "current-context: "
        + cluster
        + "\nkind: Config\npreferences: {}\nusers:\n- name: "
        + user
        + "\n"
        + "  user:\n    token: 'abc:def'\n";
  }

  private static FakeArm withCredentials(String action, String kubeconfig) {
    FakeArm arm = new FakeArm();
    String b64 = Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8));
    arm.on(
        "POST",
        MC + "/c1/" + action,
        r ->
            FakeArm.json(
                200,
                "{\"kubeconfigs\":[{\"name\":\"clusterUser\",\"value\":\"" + b64 + "\"}]}",
                Map.of()));
    return arm;
  }

  @Test
  void getCredentialsMergesIntoTheFile() throws Exception {
    Path dir = Files.createTempDirectory("kube");
    Path file = dir.resolve("config");
    Files.writeString(
        file, kubeconfig("other", "clusterUser_rg_other").replace("abc:def", "other-token"));
    FakeArm arm =
        withCredentials("listClusterUserCredential", kubeconfig("c1", "clusterUser_rg_c1"));
    CliRun run =
        arm.run("aks", "get-credentials", "-g", "rg", "-n", "c1", "--file", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(apiVersion(arm.only("POST", "/listClusterUserCredential"))).isEqualTo("2025-10-01");
    assertThat(run.err()).isEqualTo("WARNING: Merged \"c1\" as current context in " + file + "\n");
    String merged = Files.readString(file);
    assertThat(merged)
        .contains("current-context: c1\n")
        .contains("name: other\n")
        .contains("name: c1\n");
    assertThat(merged).contains("token: abc:def");
    // A different object of the same name is refused without --overwrite-existing.
    FakeArm changed =
        withCredentials(
            "listClusterUserCredential",
            kubeconfig("c1", "clusterUser_rg_c1").replace("abc:def", "new"));
    CliRun clash =
        changed.run("aks", "get-credentials", "-g", "rg", "-n", "c1", "-f", file.toString());
    assertThat(clash.exitCode()).isEqualTo(1);
    assertThat(clash.err())
        .isEqualTo(
            "ERROR: A different object named clusterUser_rg_c1 already exists in users in your kubeconfig file.\n");
    CliRun over =
        changed.run(
            "aks",
            "get-credentials",
            "-g",
            "rg",
            "-n",
            "c1",
            "-f",
            file.toString(),
            "--overwrite-existing");
    assertThat(over.exitCode()).as(over.toString()).isZero();
    assertThat(Files.readString(file))
        .contains("token: new")
        .doesNotContain("abc:def")
        .contains("name: other\n");
  }

  @Test
  void getAdminCredentialsRenamesTheContext() throws Exception {
    Path file = Files.createTempDirectory("kube").resolve("sub").resolve("config");
    FakeArm arm =
        withCredentials("listClusterAdminCredential", kubeconfig("c1", "clusterAdmin_rg_c1"));
    CliRun run =
        arm.run("aks", "get-credentials", "-g", "rg", "-n", "c1", "--admin", "-f", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readString(file))
        .contains("current-context: c1-admin\n")
        .contains("name: c1-admin\n");
    CliRun stdout = arm.run("aks", "get-credentials", "-g", "rg", "-n", "c1", "--admin", "-f", "-");
    assertThat(stdout.out()).startsWith("apiVersion: v1\n");
  }

  @Test
  void generateSshKeysWritesTheKeyPairUnderHome() throws Exception {
    Path home = Files.createTempDirectory("home");
    FakeArm arm = new FakeArm();
    arm.extraEnv.put("HOME", home.toString());
    CliRun run = arm.run(args("aks create -g rg -n c1 --generate-ssh-keys"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    Path pub = home.resolve(".ssh/id_rsa.pub");
    assertThat(pub).exists();
    assertThat(home.resolve(".ssh/id_rsa")).exists();
    assertThat(run.err())
        .startsWith(
            "WARNING: SSH key files '"
                + home.resolve(".ssh/id_rsa")
                + "' and '"
                + pub
                + "' have been generated");
    String key = Files.readString(pub).strip();
    assertThat(key).startsWith("ssh-rsa ");
    assertThat(
            FakeArm.body(arm.only("PUT", "/managedClusters/c1"))
                .path("properties")
                .path("linuxProfile")
                .path("ssh")
                .path("publicKeys")
                .get(0)
                .path("keyData")
                .asText())
        .isEqualTo(key);
    // The next create finds the key and uses it without --generate-ssh-keys.
    FakeArm again = new FakeArm();
    again.extraEnv.put("HOME", home.toString());
    CliRun second = again.run(args("aks create -g rg -n c2"));
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.err()).isEmpty();
  }

  @Test
  void noSshKeyAtAllFails() throws Exception {
    FakeArm arm = new FakeArm();
    arm.extraEnv.put("HOME", Files.createTempDirectory("home").toString());
    CliRun run = arm.run(args("aks create -g rg -n c1"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "ERROR: An RSA key file or key value must be supplied to SSH Key Value. You can use"
                + " --generate-ssh-keys to let CLI generate one for you\n");
    assertThat(arm.requests).isEmpty();
  }

  @Test
  void aksHelpListsTheCommands() {
    FakeArm arm = new FakeArm();
    CliRun run = arm.run("aks", "--help");
    assertThat(run.out()).contains("Group\n    az aks : Azure Kubernetes Service.");
    assertThat(run.out()).contains("nodepool").contains("get-credentials").contains("upgrade");
  }
}
