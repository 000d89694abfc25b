package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.MoatCli;
import dev.moat.containerservice.service.ClusterKubeApi;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10's "Done when", as a user lives it: a network-isolated BYO cluster (outbound {@code
 * none}, a Premium registry with public access off behind a private endpoint and its linked {@code
 * privatelink.azurecr.io} zone, a kubelet identity with AcrPull), driven with kubectl 1.32 and the
 * get-credentials kubeconfig, and with {@code ./moat} (the CLI classes in-process) for the az side.
 * The steps build on each other, in order: system pods; a Docker Hub deployment that cannot pull;
 * {@code acr import} and {@code set image} that make it roll out; the everyday kubectl verbs;
 * AcrPull removed (401 on a new pull, {@code check-acr} says so); a restart of the whole cloud on
 * the same data directory; the cluster's deletion.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkloadsEndToEndTest {
  private static final String ACR = "e2eacr";
  private static final String LOGIN = ACR + ".azurecr.io";
  private static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
  private static final Duration LONG = Duration.ofMinutes(4);

  private static Path dataDir;
  private static Path work;
  private static TestMoat moat;
  private static MoatCloud.Wiring wiring;
  private static Map<String, String> env;
  private static String rg;
  private static String registry;
  private static String kubeletPrincipal;
  private static Path kubeconfig;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/kubectl")), "kubectl is not installed: skipping");
    dataDir = Files.createTempDirectory("wl-e2e-data");
    work = Files.createTempDirectory("wl-e2e-work");
    env = new HashMap<>();
    env.put("MOAT_HOME", work.resolve("moat-home").toString());
    env.put("HOME", work.resolve("user").toString());
    Files.createDirectories(work.resolve("moat-home"));
    Files.createDirectories(work.resolve("user"));
    open();
    rg = moat.createGroup("e2e-rg", "eastus");
    String vnet = rg + "/providers/Microsoft.Network/virtualNetworks/vnet";
    await(
        moat.arm()
            .put(
                vnet,
                "2024-05-01",
                "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"192.168.0.0/16\"]},"
                    + "\"subnets\":[{\"name\":\"aks\",\"properties\":{\"addressPrefix\":\"192.168.1.0/24\",\"defaultOutboundAccess\":false}},"
                    + "{\"name\":\"acr\",\"properties\":{\"addressPrefix\":\"192.168.2.0/24\",\"privateEndpointNetworkPolicies\":\"Disabled\"}}]}}"));
    registry =
        await(
                moat.arm()
                    .put(
                        rg + "/providers/Microsoft.ContainerRegistry/registries/" + ACR,
                        "2025-11-01",
                        "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"},\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"))
            .path("id")
            .asText();
    await(
        moat.arm()
            .put(
                registry + "/cacheRules/aks-managed-mcr",
                "2025-11-01",
                "{\"properties\":{\"sourceRepository\":\"mcr.microsoft.com/*\",\"targetRepository\":\"aks-managed-repository/*\"}}"));
    String pe = rg + "/providers/Microsoft.Network/privateEndpoints/acr-pe";
    await(
        moat.arm()
            .put(
                pe,
                "2024-05-01",
                "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\""
                    + vnet
                    + "/subnets/acr\"},"
                    + "\"privateLinkServiceConnections\":[{\"name\":\"c\",\"properties\":{\"privateLinkServiceId\":\""
                    + registry
                    + "\",\"groupIds\":[\"registry\"]}}]}}"));
    String zone = rg + "/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io";
    await(moat.arm().put(zone, "2024-06-01", "{\"location\":\"global\"}"));
    await(
        moat.arm()
            .put(
                zone + "/virtualNetworkLinks/link",
                "2024-06-01",
                "{\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\""
                    + vnet
                    + "\"},\"registrationEnabled\":false}}"));
    await(
        moat.arm()
            .put(
                pe + "/privateDnsZoneGroups/default",
                "2024-05-01",
                "{\"properties\":{\"privateDnsZoneConfigs\":[{\"name\":\"acr\",\"properties\":{\"privateDnsZoneId\":\""
                    + zone
                    + "\"}}]}}"));
    String kubelet = rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet";
    String control = rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/control";
    kubeletPrincipal = identity(kubelet);
    identity(control);
    grantAcrPull();
    az(
        "aks",
        "create",
        "--resource-group",
        "e2e-rg",
        "--name",
        "aks1",
        "--kubernetes-version",
        "1.30.3",
        "--node-count",
        "2",
        "--vnet-subnet-id",
        vnet + "/subnets/aks",
        "--assign-identity",
        control,
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
        "--no-ssh-key");
    credentials();
  }

  @AfterAll
  static void stop() throws Exception {
    if (moat != null) {
      moat.close();
    }
    for (Path dir : new Path[] {dataDir, work}) {
      if (dir != null) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
  }

  /** Points 8 and the first complaints: namespaces, real ages, AKS's system pods. */
  @Test
  @Order(1)
  void systemPodsLookLikeAks() {
    Run nodes = kubectl("get", "nodes");
    assertThat(nodes.out().lines().filter(l -> l.startsWith("aks-nodepool1-")).count())
        .as(nodes.out())
        .isEqualTo(2);
    assertThat(nodes.out()).doesNotContain("NotReady");

    awaitKubectl(
        out -> out.contains("2/2"),
        "get",
        "deployment",
        "coredns",
        "-n",
        "kube-system",
        "--no-headers");
    Run daemonSets = kubectl("get", "daemonsets", "-n", "kube-system", "--no-headers");
    assertThat(daemonSets.out().lines().toList())
        .as(daemonSets.out())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).matches("\\S+\\s+2\\s+2\\s+.*"));
    assertThat(daemonSets.out()).contains("kube-proxy", "azure-cns");

    Run pods = kubectl("get", "pods", "-A", "--no-headers");
    assertThat(pods.out().lines().toList())
        .as(pods.out())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).startsWith("kube-system "));
    assertThat(pods.out().lines().filter(l -> l.contains(" coredns-")).count()).isEqualTo(2);

    Run namespaces = kubectl("get", "namespaces", "--no-headers");
    assertThat(namespaces.out().lines().toList())
        .as(namespaces.out())
        .contains(namespaces.out().lines().filter(l -> l.startsWith("default ")).findFirst().get())
        .allSatisfy(l -> assertThat(l).matches("\\S+\\s+Active\\s+(\\d+s|\\d+m\\d*s?)"));
  }

  /** Points 4 and 9: Docker Hub is out of reach from an isolated node; the kubelet says why. */
  @Test
  @Order(2)
  void aDockerHubDeploymentCannotPull() {
    assertThat(kubectl("create", "deployment", "web", "--image=nginx").out())
        .isEqualTo("deployment.apps/web created\n");
    String pods =
        awaitKubectl(
            out -> out.contains("ErrImagePull") || out.contains("ImagePullBackOff"),
            "get",
            "pods",
            "-l",
            "app=web",
            "--no-headers");
    assertThat(pods).matches("(?s)web-[a-z0-9]+-[a-z0-9]{5}\\s+0/1\\s+.*");
    String pod = pods.substring(0, pods.indexOf(' '));

    String events =
        awaitKubectl(
            out -> out.contains("Failed to pull image"),
            "get",
            "events",
            "--field-selector",
            "involvedObject.name=" + pod);
    assertThat(events)
        .contains("Scheduled", "Successfully assigned default/" + pod + " to aks-nodepool1-")
        .contains("Pulling image \"nginx\"")
        .contains(
            "Failed to pull image \"nginx\": failed to pull and unpack image"
                + " \"docker.io/library/nginx:latest\": failed to resolve reference"
                + " \"docker.io/library/nginx:latest\": failed to do request: Head"
                + " \"https://registry-1.docker.io/v2/library/nginx/manifests/latest\": dial tcp ")
        .contains(":443: i/o timeout")
        .contains("Error: ErrImagePull");

    String describe = kubectl("describe", "pod", pod).out();
    assertThat(describe)
        .contains("Status:", "Pending")
        .containsPattern("Reason:\\s+(ErrImagePull|ImagePullBackOff)")
        .contains("kubelet", "Failed to pull image \"nginx\"");

    Run logs = kubectlMayFail("logs", pod);
    assertThat(logs.exit()).isNotZero();
    assertThat(logs.out())
        .startsWith("Error from server (BadRequest): container \"nginx\" in pod \"" + pod + "\"")
        .containsPattern(
            "is waiting to start: (trying and failing to pull image|image can't be pulled)");
  }

  /** Points 6 and 3: import into the private registry; set image rolls the deployment out. */
  @Test
  @Order(3)
  void importedImageRollsOut() {
    az(
        "acr",
        "import",
        "-n",
        ACR,
        "--source",
        "docker.io/library/nginx:1.27",
        "--image",
        "library/nginx:1.27");
    az("acr", "import", "-n", ACR, "--source", "docker.io/library/nginx:latest");
    // The import ran inside the registry service; the host itself is outside the firewall, as in
    // Azure with public network access disabled.
    Run tags = cli("acr", "repository", "show-tags", "-n", ACR, "--repository", "library/nginx");
    assertThat(tags.code()).isNotZero();
    assertThat(tags.out()).contains("DENIED: client with IP '127.0.0.1' is not allowed access.");

    assertThat(
            kubectl("set", "image", "deployment/web", "nginx=" + LOGIN + "/library/nginx:1.27")
                .out())
        .isEqualTo("deployment.apps/web image updated\n");
    Run status = kubectl("rollout", "status", "deployment/web", "--timeout=4m");
    assertThat(status.out()).endsWith("deployment \"web\" successfully rolled out\n");

    String pods = kubectl("get", "pods", "-l", "app=web", "--no-headers").out();
    assertThat(pods.lines().toList())
        .hasSize(1)
        .allSatisfy(l -> assertThat(l).matches("web-\\S+\\s+1/1\\s+Running\\s+0\\s+\\S+"));
    String pod = pods.substring(0, pods.indexOf(' '));
    String events =
        kubectl("get", "events", "--field-selector", "involvedObject.name=" + pod).out();
    assertThat(events)
        .contains("Pulling image \"" + LOGIN + "/library/nginx:1.27\"")
        .contains("Successfully pulled image \"" + LOGIN + "/library/nginx:1.27\" in ")
        .contains("Created container: nginx")
        .contains("Started container nginx");
    assertThat(
            kubectl("get", "pod", pod, "-o", "jsonpath={.status.containerStatuses[0].imageID}")
                .out())
        .matches(LOGIN.replace(".", "\\.") + "/library/nginx@sha256:[0-9a-f]{64}");
  }

  /** Point 1: the everyday verbs, on a manifest file. */
  @Test
  @Order(4)
  void applyScaleUndoQueryAndDelete() throws Exception {
    Path manifest = work.resolve("app.yaml");
    Files.writeString(manifest, app(2, "1.27"));
    assertThat(kubectl("apply", "-f", manifest.toString()).out())
        .contains(
            "configmap/api-config created",
            "deployment.apps/api created",
            "statefulset.apps/db created",
            "service/api created");
    kubectl("rollout", "status", "deployment/api", "--timeout=4m");
    assertThat(kubectl("rollout", "status", "statefulset/db", "--timeout=4m").out())
        .contains("partitioned roll out complete: 2 new pods have been updated...");
    assertThat(kubectl("get", "pods", "-l", "app=db", "-o", "name").out())
        .isEqualTo("pod/db-0\npod/db-1\n");
    assertThat(
            kubectl(
                    "get",
                    "deployment",
                    "api",
                    "-o",
                    "jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}")
                .out())
        .contains("\"replicas\":2");

    Files.writeString(manifest, app(3, "1.27"));
    assertThat(kubectl("apply", "-f", manifest.toString()).out())
        .contains("configmap/api-config unchanged", "deployment.apps/api configured");
    awaitKubectl(
        out -> out.startsWith("3"),
        "get",
        "deployment",
        "api",
        "-o",
        "jsonpath={.status.readyReplicas}");
    Files.writeString(manifest, app(3, "latest"));
    assertThat(
            kubectl("apply", "--server-side", "--force-conflicts", "-f", manifest.toString()).out())
        .contains("deployment.apps/api serverside-applied");
    kubectl("rollout", "status", "deployment/api", "--timeout=4m");

    assertThat(kubectl("scale", "deployment", "api", "--replicas=1").out())
        .isEqualTo("deployment.apps/api scaled\n");
    awaitKubectl(out -> out.lines().count() == 1, "get", "pods", "-l", "app=api", "--no-headers");

    assertThat(kubectl("rollout", "undo", "deployment/api").out())
        .isEqualTo("deployment.apps/api rolled back\n");
    kubectl("rollout", "status", "deployment/api", "--timeout=4m");
    assertThat(image("api")).isEqualTo(LOGIN + "/library/nginx:1.27");

    String wide = kubectl("get", "pods", "-l", "app=api", "-o", "wide").out();
    assertThat(wide).contains("IP", "NODE", "aks-nodepool1-", "Running");
    assertThat(kubectl("get", "deployment", "api", "-o", "yaml").out())
        .contains("kind: Deployment", "name: api", "image: " + LOGIN + "/library/nginx:1.27");
    assertThat(
            kubectl("get", "pods", "-l", "app in (api,web)", "--no-headers").out().lines().count())
        .isEqualTo(2);
    assertThat(kubectl("get", "service", "api", "-o", "jsonpath={.spec.clusterIP}").out())
        .matches("10\\.0\\.\\d+\\.\\d+");

    String pod =
        kubectl("get", "pods", "-l", "app=api", "-o", "jsonpath={.items[0].metadata.name}").out();
    Run logs = kubectl("logs", pod);
    assertThat(logs.out()).isEmpty(); // no container process ran: no invented output

    assertThat(kubectl("delete", "-f", manifest.toString()).out())
        .contains(
            "configmap \"api-config\" deleted",
            "deployment.apps \"api\" deleted",
            "statefulset.apps \"db\" deleted",
            "service \"api\" deleted");
    awaitKubectl(
        String::isBlank,
        "get",
        "replicasets,pods",
        "-l",
        "app in (api,db)",
        "--no-headers",
        "--ignore-not-found");

    // Imperative creates, in a namespace of their own.
    assertThat(kubectl("create", "namespace", "tools").out())
        .isEqualTo("namespace/tools created\n");
    assertThat(kubectl("create", "configmap", "cfg", "-n", "tools", "--from-literal=a=b").out())
        .isEqualTo("configmap/cfg created\n");
    assertThat(
            kubectl("run", "probe", "-n", "tools", "--image=" + LOGIN + "/library/nginx:1.27")
                .out())
        .isEqualTo("pod/probe created\n");
    awaitKubectl(
        out -> out.equals("Running"),
        "get",
        "pod",
        "probe",
        "-n",
        "tools",
        "-o",
        "jsonpath={.status.phase}");
    assertThat(kubectl("delete", "namespace", "tools").out())
        .isEqualTo("namespace \"tools\" deleted\n");
  }

  /** Points 4 and 7: without AcrPull a new pull is refused with 401; check-acr names it. */
  @Test
  @Order(5)
  void withoutAcrPullNewPullsFailAndCheckAcrSaysSo() {
    // Healthy first, on one node: that node now has the canipull image (IfNotPresent), so the
    // second check runs there even though the image could no longer be pulled.
    String node = kubectl("get", "nodes", "-o", "jsonpath={.items[0].metadata.name}").out();
    Run healthy = checkAcr(node);
    assertThat(healthy.code()).as(healthy.out()).isZero();
    assertThat(healthy.out())
        .contains("Validating image pull permission: SUCCEEDED")
        .contains("Your cluster can pull images from " + LOGIN + "!");

    az(
        "role",
        "assignment",
        "delete",
        "--assignee",
        kubeletPrincipal,
        "--scope",
        registry,
        "--yes");
    assertThat(
            kubectl(
                    "patch",
                    "deployment",
                    "web",
                    "-p",
                    "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"imagePullPolicy\":\"Always\"}]}}}}")
                .out())
        .isEqualTo("deployment.apps/web patched\n");
    assertThat(kubectl("rollout", "restart", "deployment/web").out())
        .isEqualTo("deployment.apps/web restarted\n");
    String events =
        awaitKubectl(
            out -> out.contains("401 Unauthorized"),
            "get",
            "events",
            "--field-selector",
            "reason=Failed");
    assertThat(events)
        .contains(
            "Failed to pull image \""
                + LOGIN
                + "/library/nginx:1.27\": failed to pull and unpack image \""
                + LOGIN
                + "/library/nginx:1.27\": failed to resolve reference \""
                + LOGIN
                + "/library/nginx:1.27\": failed to authorize: failed to fetch oauth token:"
                + " unexpected status from GET request to https://"
                + LOGIN
                + "/oauth2/token?scope=repository%3Alibrary%2Fnginx%3Apull&service="
                + LOGIN
                + ": 401 Unauthorized");
    // The old pod keeps serving while the new one cannot pull.
    assertThat(kubectl("get", "pods", "-l", "app=web", "--no-headers").out()).contains("Running");

    Run check = checkAcr(node);
    assertThat(check.code()).as(check.out()).isNotZero();
    assertThat(check.out())
        .contains("Failed to check the ACR")
        .contains("Validating image pull permission: FAILED");

    grantAcrPull();
    Run fixed = checkAcr(node);
    assertThat(fixed.code()).as(fixed.out()).isZero();
    assertThat(fixed.out()).contains("Your cluster can pull images from " + LOGIN + "!");
    kubectl("rollout", "status", "deployment/web", "--timeout=4m");
  }

  private static Run checkAcr(String node) {
    return cli(
        "aks", "check-acr", "-g", "e2e-rg", "-n", "aks1", "--acr", LOGIN, "--node-name", node);
  }

  /** Point 10: a restart on the same data directory keeps every object; controllers resume. */
  @Test
  @Order(6)
  void aRestartKeepsObjectsAndControllersResume() throws Exception {
    String before =
        kubectl("get", "deployment,replicaset,pod", "-A", "-o", "jsonpath={..metadata.uid}").out();
    moat.close();
    open();
    credentials();
    String after =
        kubectl("get", "deployment,replicaset,pod", "-A", "-o", "jsonpath={..metadata.uid}").out();
    assertThat(List.of(after.split(" "))).containsExactlyInAnyOrder(before.split(" "));

    assertThat(kubectl("scale", "deployment", "web", "--replicas=3").out())
        .isEqualTo("deployment.apps/web scaled\n");
    kubectl("rollout", "status", "deployment/web", "--timeout=4m");
    assertThat(kubectl("get", "pods", "-l", "app=web", "--no-headers").out().lines())
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).contains("Running"));
  }

  /** Point 10: deleting the cluster deletes its objects. */
  @Test
  @Order(7)
  void deletingTheClusterDeletesItsObjects() {
    String key =
        ClusterKubeApi.key(
            ResourceId.parse(rg + "/providers/Microsoft.ContainerService/managedClusters/aks1"));
    assertThat(wiring.kubeStore().clusterKeys()).contains(key);
    az("aks", "delete", "-g", "e2e-rg", "-n", "aks1", "--yes");
    assertThat(wiring.kubeStore().clusterKeys()).doesNotContain(key);
  }

  // ---------------------------------------------------------------------------------------------

  private static String app(int replicas, String tag) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api-config
        data:
          greeting: hello
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          labels:
            app: api
        spec:
          replicas: %1$d
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
              - name: nginx
                image: %2$s/library/nginx:%3$s
                ports:
                - containerPort: 80
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: api
          replicas: 2
          selector:
            matchLabels:
              app: db
          template:
            metadata:
              labels:
                app: db
            spec:
              containers:
              - name: db
                image: %2$s/library/nginx:1.27
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
          - port: 80
            targetPort: 80
        """
        .formatted(replicas, LOGIN, tag);
  }

  private static String image(String deployment) {
    return kubectl(
            "get",
            "deployment",
            deployment,
            "-o",
            "jsonpath={.spec.template.spec.containers[0].image}")
        .out();
  }

  /** Starts (or restarts) the cloud on the data directory and points the CLI at it. */
  private static void open() throws Exception {
    moat = TestMoat.startOn(dataDir, MoatCloud.assembler(w -> wiring = w));
    Path home = work.resolve("moat-home");
    Files.writeString(home.resolve("endpoint"), moat.endpoint() + "\n");
    Files.writeString(home.resolve("ca.pem"), moat.runtime().caPem());
  }

  /** {@code az aks get-credentials --file}: the kubeconfig kubectl uses from here on. */
  private static void credentials() throws Exception {
    kubeconfig = work.resolve("kubeconfig");
    Files.deleteIfExists(kubeconfig);
    az("aks", "get-credentials", "-g", "e2e-rg", "-n", "aks1", "--file", kubeconfig.toString());
  }

  private static void grantAcrPull() {
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

  private static JsonNode await(ArmResult r) {
    r.expectStatus(200, 201, 202);
    if (r.header("Azure-AsyncOperation").isPresent()) {
      assertThat(moat.arm().awaitOperation(r).path("status").asText()).isEqualTo("Succeeded");
    }
    return r.body();
  }

  record Run(int code, String stdout, String stderr) {
    String out() {
      return stdout + stderr;
    }

    int exit() {
      return code;
    }
  }

  /** A {@code ./moat} command that must succeed; returns its stdout. */
  private static String az(String... args) {
    Run r = cli(args);
    assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out()).isZero();
    return r.stdout();
  }

  private static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MoatCli.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** kubectl that must succeed. */
  private static Run kubectl(String... args) {
    Run r = kubectlMayFail(args);
    assertThat(r.code()).as("kubectl " + String.join(" ", args) + "\n" + r.out()).isZero();
    return r;
  }

  private static Run kubectlMayFail(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/bin/kubectl",
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                work.resolve("kube-cache").toString()));
    command.addAll(List.of(args));
    try {
      long t0 = System.nanoTime();
      Path err = Files.createTempFile(work, "kubectl", ".err");
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      if (millis > 3000) {
        System.out.printf("slow: kubectl %s took %d ms%n", String.join(" ", args), millis);
      }
      String stderr = Files.readString(err);
      Files.delete(err);
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Repeats a kubectl query until its stdout satisfies {@code done}; returns that stdout. */
  private static String awaitKubectl(Predicate<String> done, String... args) {
    String[] last = {""};
    try {
      Awaitility.await()
          .atMost(LONG)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                last[0] = kubectlMayFail(args).out();
                return done.test(last[0]);
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "kubectl " + String.join(" ", args) + " never matched; last output:\n" + last[0], e);
    }
    return last[0];
  }
}
