package dev.moat.sdk.azcli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.server.MoatCloud;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Debian's {@code az} 2.45 as a second, independent client: Moat registered as a cloud, a service
 * principal login, then the seed's core commands, and {@code az rest} for what 2.45 cannot say.
 * Skipped, with a printed message, when {@code az} is not on PATH (CI installs it with {@code
 * apt-get install -y azure-cli}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AzCliTest {
  /**
   * What az 2.45 cannot express for the network-isolated workflow (clients.md §2.2); these go
   * through {@code az rest} or Moat's own CLI.
   */
  static final List<String> AZ_245_CANNOT =
      List.of(
          "az aks uses api-version 2022-11-01: bootstrapProfile is dropped from `az aks show`",
          "az aks create has no --bootstrap-artifact-source / --bootstrap-container-registry-resource-id",
          "az aks create has no --network-plugin-mode",
          "az aks create --outbound-type none is rejected client-side (2.45 allows loadBalancer,"
              + " managedNATGateway, userAssignedNATGateway, userDefinedRouting)",
          "az acr has no `cache` or `credential-set` command groups");

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final Set<String> NOT_SERVED =
      Set.of("NoRegisteredProviderFound", "InvalidResourceNamespace", "InvalidResourceType");
  private static final String RG = "azcli-rg";
  private static final String ACR = "azclimoatacr";
  private static TestMoat moat;
  private static Path work;
  private static AzCli az;

  @BeforeAll
  static void start() throws IOException {
    if (AzCli.find().isEmpty()) {
      System.out.println(
          "AzCliTest skipped: `az` is not on PATH (install it with: apt-get install -y azure-cli)");
    }
    Assumptions.assumeTrue(
        AzCli.find().isPresent(),
        "`az` is not on PATH; install it with: apt-get install -y azure-cli");
    moat = TestMoat.start(MoatCloud::assemble);
    work = Files.createTempDirectory("moat-azcli");
    Path ca = work.resolve("ca.pem");
    Files.writeString(ca, moat.runtime().caPem());
    az = new AzCli(work, ca);
    ok("cloud", "register", "-n", "Moat", "--endpoint-resource-manager", moat.endpoint() + "/");
    ok("cloud", "set", "-n", "Moat");
    JsonNode login =
        ok(
                "login",
                "--service-principal",
                "-u",
                "11111111-2222-3333-4444-555555555555",
                "-p",
                "azcli-secret",
                "--tenant",
                moat.tenantId())
            .json();
    assertThat(login.isArray()).as("az login output %s", login).isTrue();
    assertThat(login.get(0).path("id").asText()).isEqualTo(moat.subscriptionId());
    assertThat(login.get(0).path("tenantId").asText()).isEqualTo(moat.tenantId());
  }

  @AfterAll
  static void stop() throws IOException {
    if (moat != null) {
      moat.close();
    }
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static AzCli.Run ok(String... args) {
    AzCli.Run run = az.run(TIMEOUT, args);
    assertThat(run.exitCode()).as("%s", run).isZero();
    return run;
  }

  private static String groupId() {
    return "/subscriptions/" + moat.subscriptionId() + "/resourceGroups/" + RG;
  }

  @Test
  @Order(1)
  void groupCreate() {
    AzCli.Run run = ok("group", "create", "-n", RG, "-l", "eastus", "-o", "json");
    JsonNode g = run.json();
    assertThat(g.path("name").asText()).as("%s", run).isEqualTo(RG);
    assertThat(g.path("location").asText()).as("%s", run).isEqualTo("eastus");
    assertThat(g.path("id").asText()).as("%s", run).isEqualToIgnoringCase(groupId());
    assertThat(g.path("properties").path("provisioningState").asText())
        .as("%s", run)
        .isEqualTo("Succeeded");
  }

  /**
   * Debian's az 2.45 cannot load its {@code network} module at all: {@code az network vnet create
   * -h} fails the same way with no Moat involved (the packaged azure-mgmt-network lacks the models
   * 2.45 expects).
   */
  private static final String DEBIAN_NETWORK_MODULE_BUG =
      "'NoneType' object has no attribute 'standard_medium'";

  @Test
  @Order(2)
  void networkVnetCreate() {
    AzCli.Run run =
        az.run(
            TIMEOUT,
            "network",
            "vnet",
            "create",
            "-g",
            RG,
            "-n",
            "azcli-vnet",
            "--address-prefixes",
            "192.168.0.0/16",
            "--subnet-name",
            "aks-subnet",
            "--subnet-prefixes",
            "192.168.1.0/24",
            "-o",
            "json");
    if (run.exitCode() != 0 && run.stderr().contains(DEBIAN_NETWORK_MODULE_BUG)) {
      System.out.println("AzCliTest: az network skipped: Debian az 2.45 client bug: " + run);
      Assumptions.abort(
          "Debian's az 2.45 cannot load its network module (client-side: `az network vnet create"
              + " -h` fails the same way without Moat): "
              + DEBIAN_NETWORK_MODULE_BUG);
    }
    assertThat(run.exitCode()).as("%s", run).isZero();
    JsonNode vnet = run.json().path("newVNet");
    assertThat(vnet.path("name").asText()).as("%s", run).isEqualTo("azcli-vnet");
    assertThat(vnet.path("addressSpace").path("addressPrefixes").get(0).asText())
        .as("%s", run)
        .isEqualTo("192.168.0.0/16");
    assertThat(vnet.path("subnets").get(0).path("addressPrefix").asText())
        .as("%s", run)
        .isEqualTo("192.168.1.0/24");
    assertThat(vnet.path("provisioningState").asText()).as("%s", run).isEqualTo("Succeeded");
  }

  /** A VNet through {@code az rest}, which does not need the broken network module. */
  @Test
  @Order(2)
  void networkVnetThroughAzRest() {
    String vnet =
        groupId()
            + "/providers/Microsoft.Network/virtualNetworks/azcli-rest-vnet?api-version=2024-05-01";
    ok(
        "rest",
        "--method",
        "put",
        "--url",
        vnet,
        "--body",
        "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":"
            + "[\"10.10.0.0/16\"]},\"subnets\":[{\"name\":\"aks-subnet\",\"properties\":"
            + "{\"addressPrefix\":\"10.10.1.0/24\"}}]}}");
    AzCli.Run get = ok("rest", "--method", "get", "--url", vnet);
    JsonNode props = get.json().path("properties");
    assertThat(props.path("provisioningState").asText()).as("%s", get).isEqualTo("Succeeded");
    assertThat(props.path("subnets").get(0).path("properties").path("addressPrefix").asText())
        .as("%s", get)
        .isEqualTo("10.10.1.0/24");
  }

  @Test
  @Order(3)
  void identityCreate() {
    AzCli.Run run = ok("identity", "create", "-g", RG, "-n", "azcli-id", "-o", "json");
    JsonNode id = run.json();
    assertThat(id.path("name").asText()).as("%s", run).isEqualTo("azcli-id");
    assertThat(id.path("clientId").asText()).as("%s", run).matches("[0-9a-f-]{36}");
    assertThat(id.path("principalId").asText()).as("%s", run).matches("[0-9a-f-]{36}");
    assertThat(id.path("tenantId").asText()).as("%s", run).isEqualTo(moat.tenantId());
  }

  @Test
  @Order(4)
  void acrCreate() {
    AzCli.Run run =
        ok("acr", "create", "-g", RG, "-n", ACR, "--sku", "Premium", "-l", "eastus", "-o", "json");
    JsonNode acr = run.json();
    assertThat(acr.path("name").asText()).as("%s", run).isEqualTo(ACR);
    assertThat(acr.path("loginServer").asText()).as("%s", run).isEqualTo(ACR + ".azurecr.io");
    assertThat(acr.path("sku").path("name").asText()).as("%s", run).isEqualTo("Premium");
    assertThat(acr.path("provisioningState").asText()).as("%s", run).isEqualTo("Succeeded");
  }

  /** 2.45 has no `az acr cache`; the cache rule goes through `az rest` at 2025-11-01. */
  @Test
  @Order(5)
  void acrCacheRuleThroughAzRest() {
    AzCli.Run missing = az.run(TIMEOUT, "acr", "cache", "list", "-r", ACR);
    assertThat(missing.exitCode()).as("%s", missing).isNotZero();
    assertThat(missing.stderr()).as("%s", missing).contains("not recognized");

    String rule =
        groupId()
            + "/providers/Microsoft.ContainerRegistry/registries/"
            + ACR
            + "/cacheRules/aks-managed-mcr?api-version=2025-11-01";
    ok(
        "rest",
        "--method",
        "put",
        "--url",
        rule,
        "--body",
        "{\"properties\":{\"sourceRepository\":\"mcr.microsoft.com/*\","
            + "\"targetRepository\":\"aks-managed-repository/*\"}}");
    AzCli.Run get = ok("rest", "--method", "get", "--url", rule);
    JsonNode props = get.json().path("properties");
    assertThat(props.path("sourceRepository").asText())
        .as("%s", get)
        .isEqualTo("mcr.microsoft.com/*");
    assertThat(props.path("targetRepository").asText())
        .as("%s", get)
        .isEqualTo("aks-managed-repository/*");
    assertThat(props.path("provisioningState").asText()).as("%s", get).isEqualTo("Succeeded");
  }

  private static void assumeManagedClustersServed() {
    String path = groupId() + "/providers/Microsoft.ContainerService/managedClusters/azcli-probe";
    ArmResult probe = moat.arm().get(path, "2022-11-01");
    boolean served = !(probe.status() >= 400 && NOT_SERVED.contains(probe.errorCode()));
    if (!served) {
      System.out.println(
          "AzCliTest: aks steps skipped: Moat does not serve managed clusters yet ("
              + probe.errorCode()
              + ")");
    }
    Assumptions.assumeTrue(
        served,
        "Moat does not serve Microsoft.ContainerService/managedClusters in this build: "
            + probe.status()
            + " "
            + probe.errorCode()
            + " "
            + probe.errorMessage());
  }

  @Test
  @Order(6)
  void aksCreateShowAndGetCredentials() throws IOException {
    assumeManagedClustersServed();
    AzCli.Run created =
        ok(
            "aks",
            "create",
            "-g",
            RG,
            "-n",
            "azcli-aks",
            "--no-ssh-key",
            "--node-count",
            "1",
            "--enable-private-cluster",
            "--network-plugin",
            "azure",
            "-o",
            "json");
    assertThat(created.json().path("provisioningState").asText())
        .as("%s", created)
        .isEqualTo("Succeeded");
    assertThat(
            created.json().path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean())
        .as("%s", created)
        .isTrue();

    AzCli.Run shown = ok("aks", "show", "-g", RG, "-n", "azcli-aks", "-o", "json");
    assertThat(shown.json().path("name").asText()).as("%s", shown).isEqualTo("azcli-aks");
    assertThat(shown.json().path("networkProfile").path("networkPlugin").asText())
        .as("%s", shown)
        .isEqualTo("azure");
    assertThat(shown.json().path("privateFqdn").asText()).as("%s", shown).isNotEmpty();

    Path kubeconfig = work.resolve("kubeconfig");
    AzCli.Run creds =
        ok("aks", "get-credentials", "-g", RG, "-n", "azcli-aks", "-f", kubeconfig.toString());
    String config = Files.readString(kubeconfig);
    assertThat(config)
        .as("%s\n%s", creds, config)
        .contains("clusters:")
        .contains("server: https://");
  }

  /** 2.45 speaks 2022-11-01 and drops bootstrapProfile; `az rest` reads it at a newer version. */
  @Test
  @Order(7)
  void aksBootstrapProfileThroughAzRest() {
    assumeManagedClustersServed();
    AzCli.Run get =
        ok(
            "rest",
            "--method",
            "get",
            "--url",
            groupId()
                + "/providers/Microsoft.ContainerService/managedClusters/azcli-aks?api-version=2025-09-01");
    JsonNode bootstrap = get.json().path("properties").path("bootstrapProfile");
    assertThat(bootstrap.path("artifactSource").asText()).as("%s", get).isEqualTo("Direct");
  }
}
