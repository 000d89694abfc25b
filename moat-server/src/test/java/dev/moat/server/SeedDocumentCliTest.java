package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.testing.TestMoat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed document run as written: every shell block of both zone pivots, in order, through bash
 * with {@code az} bound to Moat's CLI (in-process, see {@link SeedDocumentBridge}), against a whole
 * in-process Moat whose endpoint and CA are in the {@code MOAT_HOME} the CLI reads.
 */
class SeedDocumentCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestMoat moat;
  private SeedDocumentBridge bridge;

  @BeforeEach
  void start() throws Exception {
    moat = TestMoat.start(MoatCloud::assemble);
    Path home = Files.createTempDirectory("seed-moat-home");
    Files.writeString(home.resolve("endpoint"), moat.endpoint() + "\n");
    Files.writeString(home.resolve("ca.pem"), moat.runtime().caPem());
    // The reader's own home, with the SSH key az aks create picks up (~/.ssh/id_rsa.pub).
    Path user = Files.createTempDirectory("seed-user-home");
    Files.createDirectories(user.resolve(".ssh"));
    Files.writeString(user.resolve(".ssh/id_rsa.pub"), sshPublicKey() + "\n");
    Map<String, String> env = new HashMap<>();
    env.put("MOAT_HOME", home.toString());
    env.put("HOME", user.toString());
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    bridge = new SeedDocumentBridge(env);
  }

  @AfterEach
  void stop() {
    moat.close();
  }

  @Test
  void documentHasTheBlocksThisTestExpects() {
    List<SeedDocumentScript.Block> blocks = SeedDocumentScript.blocks();
    assertThat(blocks).hasSize(26);
    assertThat(blocks.stream().filter(b -> b.zone().equals("aks-managed-acr")).count())
        .isEqualTo(4);
    assertThat(blocks.stream().filter(b -> b.zone().equals("byo-acr")).count()).isEqualTo(17);
    assertThat(blocks.stream().filter(SeedDocumentScript.Block::usesAks).count()).isEqualTo(14);
    assertThat(String.join("", blocks.stream().map(SeedDocumentScript.Block::code).toList()))
        .contains(SeedDocumentScript.NEW_ACR_PLACEHOLDER);
  }

  /** Every block without an {@code az aks} command: the supporting resources, through the CLI. */
  @Test
  void supportingBlocksRunThroughTheCli() throws Exception {
    List<SeedDocumentScript.Block> blocks =
        SeedDocumentScript.blocks().stream().filter(b -> !b.usesAks()).toList();
    String script =
        SeedDocumentScript.script(blocks)
                .replaceFirst(
                    "\n# --- byo-acr",
                    "\naz group create --name \\${RESOURCE_GROUP} --location \\${LOCATION} -o none\n"
                        + "# --- byo-acr")
            + "\necho \"REGISTRY_ID=${REGISTRY_ID}\"\necho \"REGISTRY_PRIVATE_IP=${REGISTRY_PRIVATE_IP}\""
            + "\necho \"DATA_ENDPOINT_PRIVATE_IP=${DATA_ENDPOINT_PRIVATE_IP}\""
            + "\necho \"KUBELET_IDENTITY_PRINCIPAL_ID=${KUBELET_IDENTITY_PRINCIPAL_ID}\""
            + "\necho \"APISERVER_SUBNET_ID=${APISERVER_SUBNET_ID}\"\n";
    SeedDocumentBridge.Result result = bridge.run(script);
    assertThat(result.exitCode()).as(result.output() + bridge.calls).isZero();
    assertThat(bridge.calls).allSatisfy(c -> assertThat(c.exitCode()).as(c.toString()).isZero());
    assertThat(result.output())
        .containsPattern(
            "REGISTRY_ID=/subscriptions/[^/]+/resourceGroups/seed-rg/providers/"
                + "Microsoft.ContainerRegistry/registries/moatseedacr\n")
        .containsPattern("REGISTRY_PRIVATE_IP=192\\.168\\.2\\.\\d+\n")
        .containsPattern("DATA_ENDPOINT_PRIVATE_IP=192\\.168\\.2\\.\\d+\n")
        .containsPattern("KUBELET_IDENTITY_PRINCIPAL_ID=[0-9a-f-]{36}\n")
        .containsPattern("APISERVER_SUBNET_ID=/subscriptions/.*/subnets/apiserver-subnet\n");
  }

  @Test
  void wholeDocumentRunsAndTheClusterEndsUpIsolatedThenNot() throws Exception {
    String script =
        SeedDocumentScript.script(SeedDocumentScript.blocks())
            + "\n# --- after the disable section\n"
            + "az aks show --resource-group ${RESOURCE_GROUP} --name ${AKS_NAME}\n";
    SeedDocumentBridge.Result result = bridge.run(script);
    assertThat(result.exitCode()).as(result.output() + bridge.calls).isZero();
    assertThat(bridge.calls).allSatisfy(c -> assertThat(c.exitCode()).as(c.toString()).isZero());

    List<SeedDocumentBridge.Call> shows =
        bridge.calls.stream()
            .filter(
                c ->
                    c.args().size() > 1
                        && c.args().get(0).equals("aks")
                        && c.args().get(1).equals("show"))
            .toList();
    assertThat(shows).hasSize(3);
    String registry = registryId("moatseedacr");
    String newRegistry = registryId("moatseedacr2");
    // "Update your ACR ID": the cluster is isolated with the first registry.
    JsonNode before = JSON.readTree(shows.get(0).out());
    assertThat(before.path("networkProfile").path("outboundType").asText()).isEqualTo("none");
    assertThat(before.path("bootstrapProfile").path("artifactSource").asText()).isEqualTo("Cache");
    assertThat(before.path("bootstrapProfile").path("containerRegistryId").asText())
        .isEqualToIgnoringCase(registry);
    // "Validate": isolated, with the new registry.
    JsonNode validated = JSON.readTree(shows.get(1).out());
    assertThat(validated.path("networkProfile").path("outboundType").asText()).isEqualTo("none");
    assertThat(validated.path("bootstrapProfile").path("artifactSource").asText())
        .isEqualTo("Cache");
    assertThat(validated.path("bootstrapProfile").path("containerRegistryId").asText())
        .isEqualToIgnoringCase(newRegistry);
    // After "Disable": Direct and loadBalancer.
    JsonNode disabled = JSON.readTree(shows.get(2).out());
    assertThat(disabled.path("bootstrapProfile").path("artifactSource").asText())
        .isEqualTo("Direct");
    assertThat(disabled.path("networkProfile").path("outboundType").asText())
        .isEqualTo("loadBalancer");
    // The document upgrades node images four times; the reader answered both of az's prompts
    // for each.
    List<SeedDocumentBridge.Call> upgrades =
        bridge.calls.stream()
            .filter(c -> c.args().size() > 1 && c.args().get(1).equals("upgrade"))
            .toList();
    assertThat(upgrades).hasSize(4);
    assertThat(bridge.prompts).as("prompts of %s", upgrades).hasSize(2 * upgrades.size());
  }

  private String registryId(String name) {
    return "/subscriptions/"
        + moat.subscriptionId()
        + "/resourceGroups/seed-rg/providers/Microsoft.ContainerRegistry/registries/"
        + name;
  }

  private static String sshPublicKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    RSAPublicKey key = (RSAPublicKey) g.generateKeyPair().getPublic();
    java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
    for (byte[] part :
        List.of(
            "ssh-rsa".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            key.getPublicExponent().toByteArray(),
            key.getModulus().toByteArray())) {
      blob.write(java.nio.ByteBuffer.allocate(4).putInt(part.length).array());
      blob.write(part);
    }
    return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray());
  }
}
