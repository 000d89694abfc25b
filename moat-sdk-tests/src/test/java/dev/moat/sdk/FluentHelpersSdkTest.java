package dev.moat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.containerregistry.models.Registry;
import com.azure.resourcemanager.msi.models.Identity;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.models.Delegation;
import com.azure.resourcemanager.network.models.Network;
import com.azure.resourcemanager.privatedns.models.PrivateDnsZone;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import dev.moat.server.MoatCloud;
import dev.moat.testing.TestMoat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own {@code define…}/{@code update…} helpers for the types Moat serves, end to end: each
 * sends the shape the SDK builds (not a hand-written body) and reads the result back through the
 * SDK's models.
 */
class FluentHelpersSdkTest {
  private static final String RG = "sdk-fluent-rg";
  private static final String AKS = "Microsoft.ContainerService/managedClusters";
  private static TestMoat moat;
  private static AzureResourceManager azure;

  @BeforeAll
  static void start() {
    moat = TestMoat.start(MoatCloud::assemble);
    azure = SdkFixture.arm(moat);
    azure.resourceGroups().define(RG).withRegion(Region.US_EAST).create();
  }

  @AfterAll
  static void stop() {
    moat.close();
  }

  /** withDelegation names the delegation after its service: Moat answered 500 to it (issue 12). */
  @Test
  void withDelegationCreatesAndReadsBack() {
    Network vnet =
        azure
            .networks()
            .define("fluent-vnet")
            .withRegion(Region.US_EAST)
            .withExistingResourceGroup(RG)
            .withAddressSpace("10.60.0.0/16")
            .defineSubnet("api")
            .withAddressPrefix("10.60.0.0/28")
            .withDelegation(AKS)
            .attach()
            .withSubnet("nodes", "10.60.1.0/24")
            .withTag("env", "sdk")
            .create();
    assertThat(vnet.subnets()).containsKeys("api", "nodes");

    Network read = azure.networks().getById(vnet.id());
    SubnetInner api = read.subnets().get("api").innerModel();
    assertThat(api.delegations()).extracting(Delegation::serviceName).containsExactly(AKS);
    assertThat(api.delegations().get(0).name()).isEqualTo(AKS);
    assertThat(read.tags()).containsEntry("env", "sdk");
    assertThat(
            azure
                .networks()
                .manager()
                .serviceClient()
                .getSubnets()
                .get(RG, "fluent-vnet", "api")
                .delegations())
        .hasSize(1);

    // Updating through the SDK resends the delegation it read.
    Network updated =
        read.update().withSubnet("more", "10.60.2.0/24").withTag("stage", "2").apply();
    assertThat(updated.subnets()).containsKeys("api", "nodes", "more");
    assertThat(azure.networks().getById(vnet.id()).subnets().get("api").innerModel().delegations())
        .extracting(Delegation::serviceName)
        .containsExactly(AKS);
    assertThat(azure.networks().listByResourceGroup(RG)).isNotEmpty();
  }

  @Test
  void aDelegationToAServiceAzureDoesNotKnowIsA400() {
    assertThatThrownBy(
            () ->
                azure
                    .networks()
                    .define("fluent-bad-delegation")
                    .withRegion(Region.US_EAST)
                    .withExistingResourceGroup(RG)
                    .withAddressSpace("10.61.0.0/16")
                    .defineSubnet("s")
                    .withAddressPrefix("10.61.0.0/24")
                    .withDelegation("Microsoft.Nothing/here")
                    .attach()
                    .create())
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> {
              assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
              assertThat(e.getValue().getCode()).isEqualTo("InvalidServiceNameOnDelegation");
            });
  }

  @Test
  void identityRegistryAndGroupHelpers() {
    Identity identity =
        azure
            .identities()
            .define("fluent-id")
            .withRegion(Region.US_EAST)
            .withExistingResourceGroup(RG)
            .withTags(Map.of("team", "moat"))
            .create();
    assertThat(azure.identities().getById(identity.id()).tags()).containsEntry("team", "moat");

    Registry registry =
        azure
            .containerRegistries()
            .define("fluentacr1")
            .withRegion(Region.US_EAST)
            .withExistingResourceGroup(RG)
            .withPremiumSku()
            .withRegistryNameAsAdminUser()
            .withTag("tier", "premium")
            .create();
    assertThat(registry.loginServerUrl()).isEqualTo("fluentacr1.azurecr.io");
    assertThat(azure.containerRegistries().getById(registry.id()).adminUserEnabled()).isTrue();

    ResourceGroup group = azure.resourceGroups().getByName(RG);
    group.update().withTag("owner", "sdk").apply();
    assertThat(azure.resourceGroups().getByName(RG).tags()).containsEntry("owner", "sdk");
  }

  @Test
  void privateDnsRecordHelpers() {
    PrivateDnsZone zone =
        azure
            .privateDnsZones()
            .define("fluent.example.com")
            .withExistingResourceGroup(RG)
            .defineARecordSet("www")
            .withIPv4Address("10.60.1.4")
            .withTimeToLive(120)
            .attach()
            .defineCnameRecordSet("alias")
            .withAlias("www.fluent.example.com")
            .attach()
            .defineTxtRecordSet("txt")
            .withText("hello")
            .attach()
            .create();
    PrivateDnsZone read = azure.privateDnsZones().getById(zone.id());
    assertThat(read.aRecordSets().getByName("www").timeToLive()).isEqualTo(120);
    assertThat(read.cnameRecordSets().getByName("alias").canonicalName())
        .isEqualTo("www.fluent.example.com");
    assertThat(read.txtRecordSets().getByName("txt").records()).hasSize(1);
  }

  @Test
  void invalidNamesAndTagsAreRefusedWithAzuresCodes() {
    assertThatThrownBy(
            () ->
                azure
                    .networks()
                    .define("-bad-name")
                    .withRegion(Region.US_EAST)
                    .withExistingResourceGroup(RG)
                    .withAddressSpace("10.62.0.0/16")
                    .create())
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> assertThat(e.getValue().getCode()).isEqualTo("InvalidResourceName"));
    assertThatThrownBy(
            () ->
                azure
                    .identities()
                    .define("fluent-id-tags")
                    .withRegion(Region.US_EAST)
                    .withExistingResourceGroup(RG)
                    .withTags(Map.of("k", "v".repeat(257)))
                    .create())
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> assertThat(e.getValue().getCode()).isEqualTo("InvalidTagValueLength"));
  }
}
