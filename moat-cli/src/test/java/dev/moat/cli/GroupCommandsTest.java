package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code az group ...} against an in-process Moat, checked the way a script would see it. */
class GroupCommandsTest {
  @AutoClose private static final MoatCliFixture fx = MoatCliFixture.start();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void createPrintsTheGroupAsAzDoesWithSortedKeysAndTwoSpaceIndent() throws Exception {
    CliRun run =
        fx.run(
            "group",
            "create",
            "--name",
            "rg-create",
            "--location",
            "eastus",
            "--tags",
            "env=test",
            "owner=me");
    JsonNode g = json(run);
    String id = "/subscriptions/" + fx.moat.subscriptionId() + "/resourceGroups/rg-create";
    assertThat(g.path("id").asText()).isEqualTo(id);
    assertThat(g.path("tags").path("owner").asText()).isEqualTo("me");
    assertThat(run.out())
        .startsWith("{\n  \"id\": \"" + id + "\",\n  \"location\": \"eastus\",\n  \"name\"")
        .contains("  \"properties\": {\n    \"provisioningState\": \"Succeeded\"\n  },\n")
        .endsWith("\"type\": \"Microsoft.Resources/resourceGroups\"\n}\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void queryWithTsvPrintsTheBareValue() {
    fx.run("group", "create", "-n", "rg-query", "-l", "westus2");
    CliRun run = fx.run("group", "show", "-g", "rg-query", "--query", "id", "-o", "tsv");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .isEqualTo("/subscriptions/" + fx.moat.subscriptionId() + "/resourceGroups/rg-query\n");
  }

  @Test
  void tsvOfAnObjectPrintsItsScalarsInKeyOrderAndBlanksForNestedObjects() {
    fx.run("group", "create", "-n", "rg-tsv", "-l", "eastus");
    CliRun run = fx.run("group", "show", "-n", "rg-tsv", "-o", "tsv");
    String id = "/subscriptions/" + fx.moat.subscriptionId() + "/resourceGroups/rg-tsv";
    // id, location, name, properties (object: empty), type
    assertThat(run.out())
        .isEqualTo(id + "\teastus\trg-tsv\t\tMicrosoft.Resources/resourceGroups\n");
  }

  @Test
  void jmespathFiltersAndProjections() {
    fx.run("group", "create", "-n", "rg-jp-a", "-l", "eastus", "--tags", "team=jp");
    fx.run("group", "create", "-n", "rg-jp-b", "-l", "westus2", "--tags", "team=jp");
    CliRun run = fx.run("group", "list", "--query", "sort([?tags.team=='jp'].name)", "-o", "tsv");
    assertThat(run.out()).isEqualTo("rg-jp-a\nrg-jp-b\n");
    CliRun tagged = fx.run("group", "list", "--tag", "team=jp", "--query", "length(@)");
    assertThat(tagged.out()).isEqualTo("2\n");
  }

  @Test
  void tableUsesAzsGroupColumns() {
    // With --query, az keeps the result's key order (id/type are never shown).
    fx.run("group", "create", "-n", "rg-table", "-l", "eastus");
    CliRun run = fx.run("group", "list", "--query", "[?name=='rg-table']", "-o", "table");
    assertThat(run.out())
        .isEqualTo("Name      Location\n" + "--------  --------\n" + "rg-table  eastus  \n");
    CliRun plain = fx.run("group", "list", "-o", "table");
    assertThat(plain.out()).startsWith("Name").contains("Location").contains("Status");
    assertThat(plain.out()).containsPattern("rg-table +eastus +Succeeded");
  }

  @Test
  void outputNonePrintsNothingAndYamlPrintsBlocks() {
    CliRun none = fx.run("group", "create", "-n", "rg-none", "-l", "eastus", "-o", "none");
    assertThat(none.exitCode()).isZero();
    assertThat(none.out()).isEmpty();
    CliRun yaml = fx.run("group", "show", "-n", "rg-none", "-o", "yaml");
    assertThat(yaml.out())
        .contains("location: eastus\n")
        .contains("properties:\n  provisioningState: Succeeded\n");
  }

  @Test
  void showOfAMissingGroupPrintsAzsErrorAndExits3() {
    CliRun run = fx.run("group", "show", "-n", "no-such-rg");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "ERROR: (ResourceGroupNotFound) Resource group 'no-such-rg' could not be found.\n"
                + "Code: ResourceGroupNotFound\n"
                + "Message: Resource group 'no-such-rg' could not be found.\n");
  }

  @Test
  void serviceErrorsExit1() {
    CliRun run = fx.run("group", "create", "-n", "rg-mars", "-l", "mars");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("ERROR: (LocationNotAvailableForResourceGroup) ");
    assertThat(run.err()).contains("\nCode: LocationNotAvailableForResourceGroup\nMessage: ");
  }

  @Test
  void deleteWaitsForTheOperationThenTheGroupIsGone() {
    fx.run("group", "create", "-n", "rg-delete", "-l", "eastus");
    assertThat(fx.run("group", "exists", "-n", "rg-delete").out()).isEqualTo("true\n");
    CliRun run = fx.run("group", "delete", "-n", "rg-delete", "--yes");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    // az waits for the LRO: once delete returns, the group is gone.
    assertThat(fx.run("group", "exists", "-n", "rg-delete").out()).isEqualTo("false\n");
    assertThat(fx.run("group", "show", "-n", "rg-delete").exitCode()).isEqualTo(3);
  }

  @Test
  void deleteWithoutYesAndNoTtyRefuses() {
    fx.run("group", "create", "-n", "rg-keep", "-l", "eastus");
    CliRun run = fx.run("group", "delete", "-n", "rg-keep");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("ERROR: Unable to prompt for confirmation as no tty available. Use --yes.\n");
    assertThat(fx.run("group", "exists", "-n", "rg-keep").out()).isEqualTo("true\n");
  }

  @Test
  void updateReplacesTags() throws Exception {
    fx.run("group", "create", "-n", "rg-update", "-l", "eastus", "--tags", "a=1");
    JsonNode g = json(fx.run("group", "update", "-n", "rg-update", "--tags", "b=2"));
    assertThat(g.path("tags").has("a")).isFalse();
    assertThat(g.path("tags").path("b").asText()).isEqualTo("2");
  }
}
