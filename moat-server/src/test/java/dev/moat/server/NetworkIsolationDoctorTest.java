package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.MoatCli;
import dev.moat.platform.json.Json;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code moat aks check-network-isolation} against the seed's BYO layout, through the CLI: a
 * healthy layout passes; each single broken link of the seed and aks-behavior.md is named; running
 * the az commands it printed, as printed, makes the check pass again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkIsolationDoctorTest {
  static final String ACR = "doctoracr";
  private static TestMoat moat;
  private static Map<String, String> env;
  private static String rg;
  private static String vnet;
  private static String registry;
  private static String zone;
  private static String kubelet;
  private static String controlPlane;
  private static String kubeletPrincipal;
  private static String controlPrincipal;

  @BeforeAll
  static void start() throws Exception {
    moat = TestMoat.start(MoatCloud::assemble);
    Path home = Files.createTempDirectory("doctor-moat-home");
    Files.writeString(home.resolve("endpoint"), moat.endpoint() + "\n");
    Files.writeString(home.resolve("ca.pem"), moat.runtime().caPem());
    env = new HashMap<>();
    env.put("MOAT_HOME", home.toString());
    env.put("HOME", Files.createTempDirectory("doctor-user").toString());
    rg = moat.createGroup("doc-rg", "eastus");
    vnet = rg + "/providers/Microsoft.Network/virtualNetworks/vnet";
    await(
        moat.arm()
            .put(
                vnet,
                "2024-05-01",
                "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"192.168.0.0/16\"]},"
                    + "\"subnets\":[{\"name\":\"aks\",\"properties\":{\"addressPrefix\":\"192.168.1.0/24\",\"defaultOutboundAccess\":false}},"
                    + "{\"name\":\"acr\",\"properties\":{\"addressPrefix\":\"192.168.2.0/24\",\"privateEndpointNetworkPolicies\":\"Disabled\"}},"
                    + "{\"name\":\"apiserver\",\"properties\":{\"addressPrefix\":\"192.168.3.0/24\"}}]}}"));
    registry =
        await(
                moat.arm()
                    .put(
                        rg + "/providers/Microsoft.ContainerRegistry/registries/" + ACR,
                        "2025-11-01",
                        "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"},\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"))
            .path("id")
            .asText();
    az(
        "acr",
        "cache",
        "create",
        "-n",
        "aks-managed-mcr",
        "-r",
        ACR,
        "-g",
        "doc-rg",
        "--source-repo",
        "mcr.microsoft.com/*",
        "--target-repo",
        "aks-managed-repository/*");
    az(
        "network",
        "private-endpoint",
        "create",
        "--name",
        "acr-pe",
        "--resource-group",
        "doc-rg",
        "--vnet-name",
        "vnet",
        "--subnet",
        "acr",
        "--private-connection-resource-id",
        registry,
        "--group-id",
        "registry",
        "--connection-name",
        "c");
    zone = rg + "/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io";
    az("network", "private-dns", "zone", "create", "-g", "doc-rg", "-n", "privatelink.azurecr.io");
    az(
        "network",
        "private-dns",
        "link",
        "vnet",
        "create",
        "-g",
        "doc-rg",
        "-z",
        "privatelink.azurecr.io",
        "-n",
        "link",
        "-v",
        "vnet",
        "-e",
        "false");
    az(
        "network",
        "private-endpoint",
        "dns-zone-group",
        "create",
        "-g",
        "doc-rg",
        "--endpoint-name",
        "acr-pe",
        "-n",
        "default",
        "--private-dns-zone",
        "privatelink.azurecr.io",
        "--zone-name",
        "acr");
    kubelet = rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet";
    controlPlane = rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/control";
    kubeletPrincipal = identity(kubelet);
    controlPrincipal = identity(controlPlane);
    az(
        "role",
        "assignment",
        "create",
        "--role",
        "AcrPull",
        "--scope",
        registry,
        "--assignee-object-id",
        kubeletPrincipal,
        "--assignee-principal-type",
        "ServicePrincipal");
    az(
        "role",
        "assignment",
        "create",
        "--role",
        "Network Contributor",
        "--scope",
        vnet + "/subnets/apiserver",
        "--assignee-object-id",
        controlPrincipal,
        "--assignee-principal-type",
        "ServicePrincipal");
  }

  @AfterAll
  static void stop() {
    moat.close();
  }

  /** The seed's step 7 arguments (private link), for cluster {@code name}. */
  static List<String> byoCreate(String name) {
    return new ArrayList<>(
        List.of(
            "aks",
            "check-network-isolation",
            "--resource-group",
            "doc-rg",
            "--name",
            name,
            "--kubernetes-version",
            "1.30.3",
            "--vnet-subnet-id",
            vnet + "/subnets/aks",
            "--assign-identity",
            controlPlane,
            "--assign-kubelet-identity",
            kubelet,
            "--bootstrap-artifact-source",
            "Cache",
            "--bootstrap-container-registry-resource-id",
            registry,
            "--outbound-type",
            "none",
            "--network-plugin",
            "azure",
            "--enable-private-cluster",
            "--no-ssh-key"));
  }

  @Test
  @Order(1)
  void theSeedsByoLayoutWouldBootstrap() {
    Run run = cli(byoCreate("aks1"));
    assertThat(run.code()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("(not created yet: what this create would build)")
        .contains("✔ " + ACR + ".azurecr.io resolves in vnet's DNS view")
        .contains("→ doctoracr.privatelink.azurecr.io → 192.168.2.")
        .contains("✔ AcrPull for the kubelet identity on " + ACR)
        .contains("A new node would bootstrap.");
    JsonNode report = report(byoCreate("aks1"));
    assertThat(report.path("wouldBootstrap").asBoolean()).isTrue();
    assertThat(ids(report, "PASS"))
        .contains(
            "isolation",
            "control-plane",
            "node-subnet",
            "registry",
            "cache-rule",
            "kubelet-identity",
            "acr-pull",
            "private-endpoint",
            "registry-dns",
            "registry-path",
            "data-dns",
            "data-path");
  }

  @Test
  @Order(2)
  void theAksManagedRegistryCaseSaysWhatAksWillCreate() {
    JsonNode report =
        report(
            List.of(
                "aks",
                "check-network-isolation",
                "-g",
                "doc-rg",
                "-n",
                "managed1",
                "--bootstrap-artifact-source",
                "Cache",
                "--outbound-type",
                "none",
                "--enable-private-cluster",
                "--no-ssh-key"));
    assertThat(report.path("wouldBootstrap").asBoolean()).isTrue();
    assertThat(ids(report, "PLANNED"))
        .contains(
            "node-subnet",
            "registry",
            "cache-rule",
            "private-endpoint",
            "registry-dns",
            "acr-pull");
    assertThat(report.toString()).contains("AKS will create a Premium registry aksbootstrap");
  }

  @Test
  @Order(3)
  void aMissingDataEndpointRecordIsNamedAndItsPrintedFixRepairsIt() {
    String dataRecord = ACR + ".eastus.data";
    az(
        "network",
        "private-dns",
        "record-set",
        "a",
        "delete",
        "-g",
        "doc-rg",
        "-z",
        "privatelink.azurecr.io",
        "-n",
        dataRecord,
        "--yes");
    brokenThenFixed(
        List.of("data-dns"),
        "record-set a add-record -g doc-rg -z privatelink.azurecr.io -n "
            + dataRecord
            + " -a 192.168.2.");
  }

  @Test
  @Order(4)
  void anUnlinkedZoneIsNamedAndItsPrintedFixRepairsIt() {
    az(
        "network",
        "private-dns",
        "link",
        "vnet",
        "delete",
        "-g",
        "doc-rg",
        "-z",
        "privatelink.azurecr.io",
        "-n",
        "link",
        "--yes");
    brokenThenFixed(
        List.of("registry-path", "data-path"),
        "private-dns link vnet create -g doc-rg -z privatelink.azurecr.io -n vnet-link -v " + vnet);
  }

  @Test
  @Order(5)
  void missingAcrPullIsNamedAndItsPrintedFixRepairsIt() {
    az(
        "role",
        "assignment",
        "delete",
        "--assignee",
        kubeletPrincipal,
        "--scope",
        registry,
        "--yes");
    brokenThenFixed(
        List.of("acr-pull"),
        "az role assignment create --role AcrPull --scope "
            + registry
            + " --assignee-object-id "
            + kubeletPrincipal);
  }

  @Test
  @Order(6)
  void aMissingCacheRuleIsNamedAndItsPrintedFixRepairsIt() {
    az("acr", "cache", "delete", "-n", "aks-managed-mcr", "-r", ACR, "-g", "doc-rg", "--yes");
    brokenThenFixed(List.of("cache-rule"), "az acr cache create -n aks-managed-mcr -r " + ACR);
  }

  @Test
  @Order(7)
  void aStaleRegistryRecordIsNamedAndItsPrintedFixRepairsIt() {
    az(
        "network",
        "private-dns",
        "record-set",
        "a",
        "delete",
        "-g",
        "doc-rg",
        "-z",
        "privatelink.azurecr.io",
        "-n",
        ACR,
        "--yes");
    az(
        "network",
        "private-dns",
        "record-set",
        "a",
        "add-record",
        "-g",
        "doc-rg",
        "-z",
        "privatelink.azurecr.io",
        "-n",
        ACR,
        "-a",
        "192.168.2.200");
    brokenThenFixed(
        List.of("registry-dns", "registry-path"),
        "remove-record -g doc-rg -z privatelink.azurecr.io -n " + ACR + " -a 192.168.2.200");
  }

  @Test
  @Order(8)
  void theApiServerSubnetWithoutNetworkContributorIsNamedAndItsPrintedFixRepairsIt() {
    List<String> vni = byoCreate("vni1");
    vni.remove("--enable-private-cluster");
    vni.addAll(
        List.of(
            "--enable-apiserver-vnet-integration",
            "--apiserver-subnet-id",
            vnet + "/subnets/apiserver"));
    assertThat(cli(vni).code()).isZero();
    az(
        "role",
        "assignment",
        "delete",
        "--assignee",
        controlPrincipal,
        "--scope",
        vnet + "/subnets/apiserver",
        "--yes");
    brokenThenFixed(
        vni,
        List.of("apiserver-subnet"),
        "--role \"Network Contributor\" --assignee-object-id " + controlPrincipal);
  }

  @Test
  @Order(9)
  void outboundNoneWithDirectIsNamed() {
    JsonNode report =
        report(
            List.of(
                "aks",
                "check-network-isolation",
                "-g",
                "doc-rg",
                "-n",
                "direct1",
                "--outbound-type",
                "none",
                "--vnet-subnet-id",
                vnet + "/subnets/aks",
                "--no-ssh-key"));
    assertThat(ids(report, "FAIL")).contains("isolation");
    assertThat(report.toString()).contains("InvalidNetworkIsolatedClusterConfiguration");
  }

  @Test
  @Order(10)
  void aByoRegistryWithoutKubeletIdentityIsNamed() {
    List<String> args = byoCreate("nokubelet");
    int i = args.indexOf("--assign-kubelet-identity");
    args.remove(i + 1);
    args.remove(i);
    JsonNode report = report(args);
    assertThat(ids(report, "FAIL")).containsExactly("kubelet-identity");
  }

  @Test
  @Order(11)
  void aPublicRegistryWithoutPrivateEndpointIsRefusedForIsolatedNodes() {
    String other = rg + "/providers/Microsoft.ContainerRegistry/registries/doctorpublic";
    await(
        moat.arm()
            .put(
                other,
                "2025-11-01",
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"},\"properties\":{\"publicNetworkAccess\":\"Enabled\"}}"));
    az(
        "acr",
        "cache",
        "create",
        "-n",
        "aks-managed-mcr",
        "-r",
        "doctorpublic",
        "-g",
        "doc-rg",
        "--source-repo",
        "mcr.microsoft.com/*",
        "--target-repo",
        "aks-managed-repository/*");
    az(
        "role",
        "assignment",
        "create",
        "--role",
        "AcrPull",
        "--scope",
        other,
        "--assignee-object-id",
        kubeletPrincipal,
        "--assignee-principal-type",
        "ServicePrincipal");
    List<String> args = byoCreate("public1");
    args.set(args.indexOf(registry), other);
    JsonNode report = report(args);
    // The VNet's linked privatelink.azurecr.io zone is authoritative for the CNAME target, so the
    // public registry's name has no answer inside it at all (TS4).
    assertThat(ids(report, "FAIL")).containsExactly("private-endpoint", "registry-dns");
    assertThat(report.toString())
        .contains("NXDOMAIN from private zone")
        .contains("az network private-endpoint create --name doctorpublic-pe");
  }

  @Test
  @Order(12)
  void aBasicRegistryIsNamed() {
    String basic = rg + "/providers/Microsoft.ContainerRegistry/registries/doctorbasic";
    await(
        moat.arm()
            .put(basic, "2025-11-01", "{\"location\":\"eastus\",\"sku\":{\"name\":\"Basic\"}}"));
    List<String> args = byoCreate("basic1");
    args.set(args.indexOf(registry), basic);
    JsonNode report = report(args);
    assertThat(ids(report, "FAIL")).contains("registry");
    assertThat(report.toString()).contains("must be Premium");
  }

  /**
   * An existing cluster: the doctor's time on a warm server (printed, not asserted), and the
   * topology page in headless chromium for the healthy cluster, then for the same cluster broken
   * (the page updates by itself).
   */
  @Test
  @Order(20)
  void anExistingClusterInTheDoctorAndOnTheTopologyPage() throws Exception {
    List<String> create = byoCreate("aks1");
    create.set(1, "create");
    create.addAll(List.of("--node-count", "1"));
    Run created = cli(create);
    assertThat(created.code()).as(created.out()).isZero();
    List<String> check =
        List.of("aks", "check-network-isolation", "-g", "doc-rg", "-n", "aks1", "--no-ssh-key");
    Run healthy = cli(check);
    assertThat(healthy.code()).as(healthy.out()).isZero();
    assertThat(healthy.out()).contains("(as it is)").contains("✔ node aks-nodepool1-");
    System.out.println(healthy.out());
    printTimings("healthy");

    java.util.Optional<Path> chromium = HeadlessChromium.binary();
    if (chromium.isEmpty()) {
      System.out.println(
          "SKIPPED browser check: chromium is not installed (apt-get install -y chromium)");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed");
    try (HeadlessChromium browser = new HeadlessChromium(chromium.get())) {
      browser.navigate(moat.endpoint() + "/moat/ui");
      awaitTrue(browser, "!!document.querySelector('.item[data-cluster=\"aks1\"]')");
      browser.eval("document.querySelector('.item[data-cluster=\"aks1\"]').click(); true");
      awaitTrue(browser, "document.querySelector('#report')?.dataset.wouldBootstrap === 'true'");
      assertThat(
              browser
                  .eval(
                      "[...document.querySelectorAll('.hop')].map(h => h.dataset.hop + '=' + h.dataset.status).join(' ')")
                  .asText())
          .isEqualTo(
              "cluster=PASS node=PASS dns=PASS network=PASS identity=PASS registry=PASS data=PASS");
      assertThat(browser.eval("document.querySelector('#verdict').textContent").asText())
          .isEqualTo("✔ A new node would bootstrap");
      assertThat(browser.eval("document.querySelector('#inventory').textContent").asText())
          .contains(
              "privatelink.azurecr.io",
              "doctoracr",
              "aks-managed-mcr",
              "AcrPull at registries doctoracr",
              "acr-pe");
      browser.eval("document.querySelector('[data-node]').click(); true");
      awaitTrue(browser, "!!document.querySelector('#dns tr[data-name=\"doctoracr.azurecr.io\"]')");
      assertThat(
              browser
                  .eval(
                      "document.querySelector('#dns tr[data-name=\"doctoracr.azurecr.io\"]').textContent")
                  .asText())
          .contains(
              "doctoracr.privatelink.azurecr.io",
              "192.168.2.",
              "private zone privatelink.azurecr.io");
      browser.screenshot(Path.of("target", "topology-healthy.png"));

      az(
          "role",
          "assignment",
          "delete",
          "--assignee",
          kubeletPrincipal,
          "--scope",
          registry,
          "--yes");
      awaitTrue(browser, "document.querySelector('#report')?.dataset.wouldBootstrap === 'false'");
      assertThat(
              browser
                  .eval("document.querySelector('[data-link=\"acr-pull\"]').dataset.status")
                  .asText())
          .isEqualTo("FAIL");
      assertThat(
              browser
                  .eval("document.querySelector('.hop[data-hop=\"identity\"]').dataset.status")
                  .asText())
          .isEqualTo("FAIL");
      assertThat(browser.eval("document.querySelector('#verdict').textContent").asText())
          .startsWith(
              "✘ A new node would not bootstrap: AcrPull for the kubelet identity on doctoracr");
      assertThat(
              browser
                  .eval("document.querySelector('[data-link=\"acr-pull\"] pre').textContent")
                  .asText())
          .startsWith("az role assignment create --role AcrPull --scope " + registry);
      browser.screenshot(Path.of("target", "topology-broken.png"));
      printTimings("broken (AcrPull removed)");
    } finally {
      cli(
          List.of(
              "role",
              "assignment",
              "create",
              "--role",
              "AcrPull",
              "--scope",
              registry,
              "--assignee-object-id",
              kubeletPrincipal,
              "--assignee-principal-type",
              "ServicePrincipal"));
    }
  }

  /** {@code az aks command invoke} on the private cluster, printed as az prints it. */
  @Test
  @Order(21)
  void commandInvokeRunsKubectlInsideThePrivateCluster() throws Exception {
    Path file = Files.createTempFile("doctor-invoke", ".yaml");
    Files.writeString(file, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-file\n");
    Run run =
        cli(
            List.of(
                "aks",
                "command",
                "invoke",
                "-g",
                "doc-rg",
                "-n",
                "aks1",
                "--command",
                "kubectl get nodes",
                "--file",
                file.toString()));
    assertThat(run.code()).as(run.out()).isZero();
    assertThat(run.stdout())
        .matches(
            "(?s)command started at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00, finished at .* with exitcode=0\n.*")
        .contains("aks-nodepool1-");
    Run json =
        cli(
            List.of(
                "aks",
                "command",
                "invoke",
                "-g",
                "doc-rg",
                "-n",
                "aks1",
                "-c",
                "kubectl get ns",
                "-o",
                "json"));
    assertThat(Json.mapper().readTree(json.stdout()).path("properties").path("exitCode").asInt())
        .isZero();
    Run empty =
        cli(List.of("aks", "command", "invoke", "-g", "doc-rg", "-n", "aks1", "--command", ""));
    assertThat(empty.code()).isEqualTo(1);
    assertThat(empty.stderr()).contains("Command cannot be empty.");
  }

  private static void awaitTrue(HeadlessChromium browser, String expression) {
    org.awaitility.Awaitility.await()
        .atMost(TestMoat.timeout())
        .pollInterval(java.time.Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> browser.eval(expression).asBoolean(false));
  }

  /** The doctor's server-side time on the existing cluster, warm: printed figures. */
  private static void printTimings(String label) throws Exception {
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder().sslContext(moat.sslContext()).build();
    String id =
        moat.groupPath("doc-rg") + "/providers/Microsoft.ContainerService/managedClusters/aks1";
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    moat.endpoint()
                        + "/moat/doctor/check?cluster="
                        + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)))
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
            .build();
    List<Long> server = new ArrayList<>();
    List<Long> roundTrip = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      long t0 = System.nanoTime();
      String body = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      roundTrip.add((System.nanoTime() - t0) / 1_000_000);
      server.add(Json.mapper().readTree(body).path("tookMillis").asLong());
    }
    server.sort(null);
    roundTrip.sort(null);
    System.out.println(
        "doctor on existing cluster, "
            + label
            + ": server median "
            + server.get(12)
            + " ms, max "
            + server.get(24)
            + " ms; HTTP round trip median "
            + roundTrip.get(12)
            + " ms (25 runs, warm)");
  }

  private static void brokenThenFixed(List<String> failing, String fixFragment) {
    brokenThenFixed(byoCreate("aks1"), failing, fixFragment);
  }

  /** The check names exactly {@code failing}; its printed fixes, run as printed, repair it. */
  private static void brokenThenFixed(List<String> args, List<String> failing, String fixFragment) {
    Run text = cli(args);
    assertThat(text.code()).as(text.out()).isEqualTo(1);
    assertThat(text.out()).contains("✘ ").contains("A new node would NOT bootstrap");
    System.out.println(text.out());
    JsonNode report = report(args);
    assertThat(ids(report, "FAIL")).as(report.toPrettyString()).containsExactlyElementsOf(failing);
    List<String> fixes = new ArrayList<>();
    for (JsonNode link : report.path("links")) {
      if (link.path("status").asText().equals("FAIL")) {
        link.path("fixes").forEach(f -> fixes.add(f.asText()));
      }
    }
    assertThat(String.join("\n", fixes)).contains(fixFragment);
    assertThat(String.join("\n", fixes)).doesNotContain("<", "${");
    for (String fix : new java.util.LinkedHashSet<>(fixes)) {
      List<String> words = split(fix);
      assertThat(words.get(0)).isEqualTo("az");
      Run r = cli(words.subList(1, words.size()));
      assertThat(r.code()).as(fix + "\n" + r.out()).isZero();
    }
    Run after = cli(args);
    assertThat(after.code()).as(after.out()).isZero();
  }

  /** Splits a printed command as a shell does (double quotes group words). */
  static List<String> split(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char ch : command.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
        any = true;
      } else if (ch == ' ' && !quoted) {
        if (any) {
          out.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(ch);
        any = true;
      }
    }
    if (any) {
      out.add(word.toString());
    }
    return out;
  }

  private static List<String> ids(JsonNode report, String status) {
    List<String> out = new ArrayList<>();
    for (JsonNode link : report.path("links")) {
      if (link.path("status").asText().equals(status)) {
        out.add(link.path("id").asText());
      }
    }
    return out;
  }

  private static JsonNode report(List<String> args) {
    List<String> withJson = new ArrayList<>(args);
    withJson.addAll(List.of("-o", "json"));
    Run r = cli(withJson);
    try {
      return Json.mapper().readTree(r.stdout());
    } catch (Exception e) {
      throw new AssertionError(r.out(), e);
    }
  }

  private static String identity(String id) {
    return moat.arm()
        .put(id, "2023-01-31", "{\"location\":\"eastus\"}")
        .expectStatus(201)
        .body()
        .path("properties")
        .path("principalId")
        .asText();
  }

  private static void az(String... args) {
    Run r = cli(List.of(args));
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out()).isZero();
  }

  record Run(int code, String stdout, String stderr) {
    String out() {
      return stdout + stderr;
    }
  }

  static Run cli(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MoatCli.run(
            args.toArray(String[]::new),
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode await(ArmResult r) {
    return moat.arm().awaitSucceeded(r);
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
