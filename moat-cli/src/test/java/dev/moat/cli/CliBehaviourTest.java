package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Finding the server, logging in, accounts, usage errors and help. */
class CliBehaviourTest {
  @AutoClose private static final MoatCliFixture fx = MoatCliFixture.start();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void noServerGivesOneLineWithTheFix() throws Exception {
    Map<String, String> env =
        Map.of("MOAT_HOME", Files.createTempDirectory("empty-home").toString());
    CliRun run = MoatCliFixture.run(env, "group", "list");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .matches("moat: no Moat server found at .*endpoint — start one with" + " \\./moat serve\n");
  }

  @Test
  void unreachableEndpointGivesTheSameMessage() {
    Map<String, String> env = new java.util.HashMap<>(fx.env());
    env.put("MOAT_ENDPOINT", "https://127.0.0.1:1");
    CliRun run = MoatCliFixture.run(env, "group", "list");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "moat: no Moat server found at https://127.0.0.1:1 — start one with ./moat"
                + " serve\n");
  }

  @Test
  void unknownCommandsAndArgumentsAreUsageErrors() {
    CliRun cmd = fx.run("foo");
    assertThat(cmd.exitCode()).isEqualTo(2);
    assertThat(cmd.err())
        .isEqualTo("ERROR: az: 'foo' is not in the 'az' command group. See 'az --help'.\n");
    CliRun sub = fx.run("group", "frobnicate");
    assertThat(sub.err())
        .isEqualTo(
            "ERROR: az group: 'frobnicate' is not in the 'az group' command group. See"
                + " 'az group --help'.\n");
    CliRun flag = fx.run("group", "list", "--bogus");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err()).startsWith("ERROR: unrecognized arguments: --bogus\n");
    assertThat(flag.err()).contains("'az group list --help'");
    CliRun missing = fx.run("group", "create", "-n", "x");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("ERROR: the following arguments are required: --location/-l\n");
    CliRun badOutput = fx.run("group", "list", "-o", "xml");
    assertThat(badOutput.exitCode()).isEqualTo(2);
    assertThat(badOutput.err()).startsWith("ERROR: argument --output/-o: invalid choice: 'xml'");
    CliRun badQuery = fx.run("group", "list", "--query", "[?");
    assertThat(badQuery.exitCode()).isEqualTo(2);
    assertThat(badQuery.err())
        .isEqualTo("ERROR: argument --query: invalid jmespath_type value: '[?'\n");
  }

  @Test
  void defaultPrincipalWorksWithoutLoginAndTokensAreCached() throws Exception {
    CliRun run = fx.run("account", "show");
    JsonNode a = JSON.readTree(run.out());
    assertThat(a.path("environmentName").asText()).isEqualTo("Moat");
    assertThat(a.path("id").asText()).isEqualTo(fx.moat.subscriptionId());
    assertThat(a.path("isDefault").asBoolean()).isTrue();
    assertThat(a.path("state").asText()).isEqualTo("Enabled");
    assertThat(a.path("user").path("name").asText()).isEqualTo("moat-cli");
    assertThat(a.path("user").path("type").asText()).isEqualTo("servicePrincipal");
    JsonNode tokens = JSON.readTree(fx.home.resolve("cli/tokens.json").toFile());
    JsonNode entry = tokens.path(fx.moat.endpoint() + "|moat-cli");
    assertThat(entry.path("accessToken").asText()).isNotEmpty();
    assertThat(entry.path("expiresOn").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
  }

  @Test
  void expiredCachedTokenIsReplaced() throws Exception {
    fx.run("account", "show");
    String key = fx.moat.endpoint() + "|moat-cli";
    Files.writeString(
        fx.home.resolve("cli/tokens.json"),
        "{\"" + key + "\":{\"accessToken\":\"stale\",\"expiresOn\":1}}");
    CliRun run = fx.run("group", "list", "-o", "none");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode tokens = JSON.readTree(fx.home.resolve("cli/tokens.json").toFile());
    assertThat(tokens.path(key).path("accessToken").asText()).isNotEqualTo("stale");
  }

  @Test
  void loginStoresTheServicePrincipalAndAccountShowsIt() throws Exception {
    Map<String, String> env =
        Map.of("MOAT_HOME", Files.createTempDirectory("login-home").toString());
    Files.writeString(java.nio.file.Path.of(env.get("MOAT_HOME"), "endpoint"), fx.moat.endpoint());
    Files.writeString(
        java.nio.file.Path.of(env.get("MOAT_HOME"), "ca.pem"), fx.moat.runtime().caPem());
    CliRun login =
        MoatCliFixture.run(
            env,
            "login",
            "--service-principal",
            "-u",
            "my-sp",
            "-p",
            "s3cret",
            "--tenant",
            fx.moat.runtime().tenancy().tenantId());
    assertThat(login.exitCode()).as(login.toString()).isZero();
    JsonNode accounts = JSON.readTree(login.out());
    assertThat(accounts.get(0).path("cloudName").asText()).isEqualTo("Moat");
    assertThat(accounts.get(0).path("user").path("name").asText()).isEqualTo("my-sp");
    CliRun user = MoatCliFixture.run(env, "account", "show", "--query", "user.name", "-o", "tsv");
    assertThat(user.out()).isEqualTo("my-sp\n");
    CliRun token = MoatCliFixture.run(env, "account", "get-access-token", "--query", "tokenType");
    assertThat(token.out()).isEqualTo("\"Bearer\"\n");
    MoatCliFixture.run(env, "logout");
    CliRun after = MoatCliFixture.run(env, "account", "show", "--query", "user.name", "-o", "tsv");
    assertThat(after.out()).isEqualTo("moat-cli\n");
  }

  @Test
  void loginWithoutServicePrincipalIsAUsageError() {
    CliRun run = fx.run("login");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ERROR: Moat supports service principal login only");
  }

  @Test
  void restCallsRelativeUrlsWithTheToken() {
    fx.run("group", "create", "-n", "rg-rest", "-l", "eastus");
    CliRun run =
        fx.run(
            "rest",
            "--method",
            "get",
            "--url",
            "/subscriptions/{subscriptionId}/resourcegroups/rg-rest?api-version=2025-04-01",
            "--query",
            "name",
            "-o",
            "tsv");
    assertThat(run.out()).isEqualTo("rg-rest\n");
    CliRun missing =
        fx.run(
            "rest",
            "--url",
            "/subscriptions/{subscriptionId}/resourcegroups/none-here?api-version=2025-04-01");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .startsWith("ERROR: Not Found({\"error\":{\"code\":" + "\"ResourceGroupNotFound\"");
  }

  @Test
  void cloudShowPointsAtTheEndpoint() {
    CliRun run = fx.run("cloud", "show", "--query", "endpoints.resourceManager", "-o", "tsv");
    assertThat(run.out()).isEqualTo(fx.moat.endpoint() + "/\n");
  }

  @Test
  void extensionAddRecordsAksPreview() {
    CliRun add = fx.run("extension", "add", "--name", "aks-preview");
    assertThat(add.exitCode()).isZero();
    CliRun list = fx.run("extension", "list", "--query", "[].name", "-o", "tsv");
    assertThat(list.out()).isEqualTo("aks-preview\n");
    CliRun update = fx.run("extension", "update", "--name", "aks-preview");
    assertThat(update.err())
        .isEqualTo("WARNING: Latest version of 'aks-preview' is already" + " installed.\n");
    CliRun unknown = fx.run("extension", "add", "--name", "nope");
    assertThat(unknown.err())
        .isEqualTo(
            "ERROR: No matching extensions for 'nope'. Use --debug for more" + " information.\n");
    assertThat(fx.run("extension", "remove", "--name", "aks-preview").exitCode()).isZero();
    assertThat(fx.run("extension", "remove", "--name", "aks-preview").err())
        .isEqualTo("ERROR: The extension aks-preview is not installed.\n");
  }

  @Test
  void helpReadsLikeAzs() {
    CliRun group = fx.run("group", "--help");
    assertThat(group.exitCode()).isZero();
    assertThat(group.out()).contains("Group\n    az group : Manage resource groups");
    assertThat(group.out()).contains("Commands:\n").contains("    create ");
    CliRun cmd = fx.run("group", "create", "-h");
    assertThat(cmd.out()).contains("Command\n    az group create : Create a new resource group.");
    assertThat(cmd.out()).contains("--location -l [Required]");
    assertThat(cmd.out()).contains("Global Arguments\n").contains("--query");
    CliRun bare = fx.run("network", "vnet");
    assertThat(bare.out()).contains("Subgroups:\n    subnet");
  }

  @Test
  void debugLogsRequestsOnStderr() {
    CliRun run = fx.run("group", "list", "--debug", "-o", "none");
    assertThat(run.err()).contains("Request URL: '" + fx.moat.endpoint() + "/subscriptions/");
    assertThat(run.err()).contains("Response status: 200");
    assertThat(run.out()).isEmpty();
  }
}
