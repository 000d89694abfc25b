package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.runtime.ArmRuntime;
import dev.moat.arm.runtime.MoatSettings;
import dev.moat.containerservice.service.ClusterKubeApi;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmClient;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team server: replicas of one cloud on one PostgreSQL database and one data directory. Each test
 * gets a database of its own on the server named by {@code MOAT_TEST_POSTGRES} (default {@value
 * #DEFAULT}); with no server reachable the tests are skipped with a message saying so.
 */
class TeamServerTest {
  static final String DEFAULT = "postgresql://moat:moat@127.0.0.1:5432/postgres";
  private static final String GROUPS = "2025-04-01";
  private static final String NETWORK = "2024-05-01";
  private static final String AKS = "2025-10-01";

  /** Generous: replicas share two busy cores with other builds. */
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  @TempDir Path dir;

  private String server;
  private String name;
  private String url;
  private final List<ArmRuntime> replicas = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void createDatabase() {
    server = System.getenv().getOrDefault("MOAT_TEST_POSTGRES", DEFAULT);
    name = "moat_team_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      Assumptions.abort(
          "no PostgreSQL server at "
              + server.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@")
              + " ("
              + e.getMessage()
              + "); set MOAT_TEST_POSTGRES or start one (.ci/run does)");
    }
    url = withDatabase(server, name);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor();
    }
    for (ArmRuntime r : replicas) {
      r.close();
    }
    if (url == null) {
      return;
    }
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  @Test
  void whatOneReplicaWritesTheOtherServes() {
    ArmClient a = client(replica(Duration.ZERO));
    ArmClient b = client(replica(Duration.ZERO));
    String group = "/subscriptions/" + subscription() + "/resourceGroups/shared-rg";

    a.put(group, GROUPS, "{\"location\":\"westeurope\"}").expectStatus(201);
    assertThat(b.get(group, GROUPS).expectStatus(200).body().path("location").asText())
        .isEqualTo("westeurope");

    // A long-running create through B, polled through A: operations live in the database.
    String vnet = group + "/providers/Microsoft.Network/virtualNetworks/shared-vnet";
    ArmResult started =
        b.put(
                vnet,
                NETWORK,
                "{\"location\":\"westeurope\",\"properties\":{\"addressSpace\":"
                    + "{\"addressPrefixes\":[\"10.8.0.0/16\"]}}}")
            .expectStatus(201);
    assertThat(awaitOperation(a, rebase(started, a)).path("status").asText())
        .isEqualTo("Succeeded");
    assertThat(
            a.get(vnet, NETWORK)
                .expectStatus(200)
                .body()
                .path("properties")
                .path("provisioningState")
                .asText())
        .isEqualTo("Succeeded");

    a.delete(vnet, NETWORK).expectStatus(200, 202);
    await().atMost(PATIENCE).until(() -> b.get(vnet, NETWORK).status() == 404);
  }

  @Test
  void aClusterCreateLeftByAKilledReplicaIsFinishedByTheOther() throws Exception {
    ArmRuntime survivor = replica(Duration.ZERO);
    ArmClient b = client(survivor);
    // Replica A is a process of its own so that it can die by SIGKILL; its provisioning delay
    // holds the create in progress (and A's lease on it) until it is killed.
    Replica victim = startProcess(Duration.ofMinutes(30));
    ArmClient a = TestMoat.clientFor(victim.endpoint(), survivor.caPem());

    String group = "/subscriptions/" + subscription() + "/resourceGroups/handover-rg";
    a.put(group, GROUPS, "{\"location\":\"eastus\"}").expectStatus(201);
    String cluster = group + "/providers/Microsoft.ContainerService/managedClusters/handover";
    ArmResult started = a.put(cluster, AKS, clusterBody("handover", 2)).expectStatus(201);
    String key = ResourceId.parse(cluster).key();
    await("replica A holds the lease of the create")
        .atMost(PATIENCE)
        .until(() -> leaseOwner(key).equals(Optional.of(victim.replicaId())));
    assertThat(a.getUrl(statusUrl(started)).body().path("status").asText()).isEqualTo("InProgress");

    victim.process().destroyForcibly(); // SIGKILL: no shutdown hook, no lease released
    victim.process().waitFor();

    JsonNode status = awaitOperation(b, rebase(started, b));
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("Succeeded");
    assertThat(
            b.get(cluster, AKS)
                .expectStatus(200)
                .body()
                .path("properties")
                .path("provisioningState")
                .asText())
        .isEqualTo("Succeeded");
    assertThat(leaseOwner(key)).isNotEqualTo(Optional.of(victim.replicaId()));
    // The cluster's Kubernetes runtime (kubelets, controllers) runs in the survivor, once.
    String runtime = "kube-runtime:" + ClusterKubeApi.key(ResourceId.parse(cluster));
    await("the survivor runs the cluster's Kubernetes runtime")
        .atMost(PATIENCE)
        .until(() -> leaseOwner(runtime).equals(Optional.of(survivor.replicaId())));
  }

  @Test
  void aBurstOfClustersOnTwoReplicasAllSucceeds() {
    int count = Integer.parseInt(System.getenv().getOrDefault("MOAT_TEAM_BURST", "6"));
    ArmClient a = client(replica(Duration.ZERO));
    ArmClient b = client(replica(Duration.ZERO));
    String group = "/subscriptions/" + subscription() + "/resourceGroups/burst-rg";
    a.put(group, GROUPS, "{\"location\":\"eastus\"}").expectStatus(201);

    List<ArmResult> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ArmClient via = i % 2 == 0 ? a : b;
      String cluster = group + "/providers/Microsoft.ContainerService/managedClusters/burst" + i;
      started.add(via.put(cluster, AKS, clusterBody("burst" + i, 1)).expectStatus(201));
    }
    for (int i = 0; i < count; i++) {
      // Each create is polled through the replica it was not submitted to.
      ArmClient other = i % 2 == 0 ? b : a;
      JsonNode status = awaitOperation(other, rebase(started.get(i), other));
      assertThat(status.path("status").asText())
          .as("burst%d: %s", i, status)
          .isEqualTo("Succeeded");
    }
  }

  // ---------------------------------------------------------------- fixture

  private ArmRuntime replica(Duration provisioningDelay) {
    try {
      ArmRuntime r =
          ArmRuntime.start(
              MoatSettings.defaults(dir)
                  .withPort(0)
                  .withDatabase(url)
                  .withProvisioningDelay(provisioningDelay),
              Clock.systemUTC(),
              MoatCloud::assemble);
      replicas.add(r);
      return r;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a replica", e);
    }
  }

  private static ArmClient client(ArmRuntime r) {
    return TestMoat.clientFor(r.endpoint(), r.caPem());
  }

  private static String subscription() {
    return dev.moat.arm.tenancy.Tenancy.DEFAULT_SUBSCRIPTION_ID;
  }

  record Replica(Process process, String endpoint, String replicaId) {}

  private static final Pattern SERVING = Pattern.compile("Moat is serving (https://\\S+)");
  private static final Pattern REPLICA = Pattern.compile("replica:\\s+(\\S+)");

  /** A replica in a process of its own, on the same database and data directory. */
  private Replica startProcess(Duration provisioningDelay) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("replica-" + processes.size() + ".log");
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--database",
                url,
                "--provisioning-delay",
                provisioningDelay.toString())
            .redirectErrorStream(true)
            .redirectOutput(new File(log.toString()))
            .start();
    processes.add(p);
    String[] found = new String[2];
    await("replica process to serve")
        .atMost(PATIENCE)
        .until(
            () -> {
              assertThat(p.isAlive()).as("replica process exited: see %s", log).isTrue();
              String text = Files.readString(log);
              Matcher serving = SERVING.matcher(text);
              Matcher replica = REPLICA.matcher(text);
              if (serving.find() && replica.find()) {
                found[0] = serving.group(1);
                found[1] = replica.group(1);
                return true;
              }
              return false;
            });
    return new Replica(p, found[0], found[1]);
  }

  private static String clusterBody(String name, int nodes) {
    return "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":"
        + "{\"kubernetesVersion\":\"1.30.3\",\"dnsPrefix\":\""
        + name
        + "\",\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":"
        + nodes
        + ",\"mode\":\"System\",\"vmSize\":\"Standard_DS2_v2\"}],"
        + "\"bootstrapProfile\":{\"artifactSource\":\"Cache\"},"
        + "\"networkProfile\":{\"networkPlugin\":\"azure\",\"outboundType\":\"none\"}}}";
  }

  private static String statusUrl(ArmResult started) {
    return started
        .header("Azure-AsyncOperation")
        .orElseThrow(() -> new AssertionError("no Azure-AsyncOperation header: " + started));
  }

  /** The status URL of {@code started}, asked of replica {@code via} instead. */
  private static String rebase(ArmResult started, ArmClient via) {
    URI status = URI.create(statusUrl(started));
    return via.endpoint() + status.getRawPath() + "?" + status.getRawQuery();
  }

  private static JsonNode awaitOperation(ArmClient via, String statusUrl) {
    JsonNode[] last = new JsonNode[1];
    await("operation " + statusUrl)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = via.getUrl(statusUrl).expectStatus(200).body();
              return !last[0].path("status").asText().equals("InProgress");
            });
    return last[0];
  }

  private Optional<String> leaseOwner(String resourceKey) throws SQLException {
    try (Connection c = connect(url);
        PreparedStatement s =
            c.prepareStatement("SELECT owner FROM work_leases WHERE resource_key = ?")) {
      s.setString(1, resourceKey);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private Connection admin() throws SQLException {
    return connect(server);
  }

  private static Connection connect(String libpqUrl) throws SQLException {
    URI u = URI.create(libpqUrl);
    String[] user = u.getRawUserInfo() == null ? new String[0] : u.getRawUserInfo().split(":", 2);
    return DriverManager.getConnection(
        "jdbc:postgresql://"
            + u.getHost()
            + (u.getPort() > 0 ? ":" + u.getPort() : "")
            + u.getRawPath(),
        user.length > 0 ? user[0] : null,
        user.length > 1 ? user[1] : null);
  }

  /** The same server URL naming another database. */
  private static String withDatabase(String url, String database) {
    URI u = URI.create(url);
    return u.getScheme()
        + "://"
        + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@")
        + u.getHost()
        + (u.getPort() > 0 ? ":" + u.getPort() : "")
        + "/"
        + database;
  }
}
