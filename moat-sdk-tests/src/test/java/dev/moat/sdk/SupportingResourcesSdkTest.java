package dev.moat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.authorization.models.BuiltInRole;
import com.azure.resourcemanager.authorization.models.RoleAssignment;
import com.azure.resourcemanager.containerregistry.fluent.models.CacheRuleInner;
import com.azure.resourcemanager.containerregistry.fluent.models.RegistryInner;
import com.azure.resourcemanager.containerregistry.models.PublicNetworkAccess;
import com.azure.resourcemanager.containerregistry.models.Sku;
import com.azure.resourcemanager.containerregistry.models.SkuName;
import com.azure.resourcemanager.msi.models.Identity;
import com.azure.resourcemanager.network.fluent.models.NetworkInterfaceInner;
import com.azure.resourcemanager.network.fluent.models.PrivateEndpointInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.models.Network;
import com.azure.resourcemanager.network.models.NetworkInterfaceIpConfigurationPrivateLinkConnectionProperties;
import com.azure.resourcemanager.network.models.PrivateLinkServiceConnection;
import com.azure.resourcemanager.network.models.VirtualNetworkPrivateEndpointNetworkPolicies;
import com.azure.resourcemanager.privatedns.models.PrivateDnsZone;
import dev.moat.server.MoatCloud;
import dev.moat.testing.TestMoat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's BYO-ACR supporting resources (steps 1, 3–6) through the Azure SDK for Java's managers,
 * read back through the SDK's models.
 */
class SupportingResourcesSdkTest {
  private static final String RG = "sdk-seed-rg";
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

  @Test
  void theSeedsSupportingResourcesThroughTheSdk() {
    // Step 1: VNet and subnets.
    Network vnet =
        azure
            .networks()
            .define("sdk-vnet")
            .withRegion(Region.US_EAST)
            .withExistingResourceGroup(RG)
            .withAddressSpace("192.168.0.0/16")
            .withSubnet("aks-subnet", "192.168.1.0/24")
            .create();
    SubnetInner acrSubnet =
        azure
            .networks()
            .manager()
            .serviceClient()
            .getSubnets()
            .createOrUpdate(
                RG,
                "sdk-vnet",
                "acr-subnet",
                new SubnetInner()
                    .withAddressPrefix("192.168.2.0/24")
                    .withPrivateEndpointNetworkPolicies(
                        VirtualNetworkPrivateEndpointNetworkPolicies.DISABLED));
    assertThat(acrSubnet.privateEndpointNetworkPolicies())
        .isEqualTo(VirtualNetworkPrivateEndpointNetworkPolicies.DISABLED);
    assertThat(azure.networks().getById(vnet.id()).subnets())
        .containsKeys("aks-subnet", "acr-subnet");

    // Step 3: Premium registry, public access disabled, and the AKS cache rule.
    RegistryInner registry =
        azure
            .containerRegistries()
            .manager()
            .serviceClient()
            .getRegistries()
            .create(
                RG,
                "sdkseedacr",
                new RegistryInner()
                    .withLocation("eastus")
                    .withSku(new Sku().withName(SkuName.PREMIUM))
                    .withPublicNetworkAccess(PublicNetworkAccess.DISABLED));
    assertThat(registry.loginServer()).isEqualTo("sdkseedacr.azurecr.io");
    CacheRuleInner rule =
        azure
            .containerRegistries()
            .manager()
            .serviceClient()
            .getCacheRules()
            .create(
                RG,
                "sdkseedacr",
                "aks-managed-mcr",
                new CacheRuleInner()
                    .withSourceRepository("mcr.microsoft.com/*")
                    .withTargetRepository("aks-managed-repository/*"));
    assertThat(rule.targetRepository()).isEqualTo("aks-managed-repository/*");
    assertThat(
            azure
                .containerRegistries()
                .manager()
                .serviceClient()
                .getCacheRules()
                .get(RG, "sdkseedacr", "aks-managed-mcr")
                .sourceRepository())
        .isEqualTo("mcr.microsoft.com/*");

    // Step 4: private endpoint; the NIC carries one address per registry member.
    PrivateEndpointInner pe =
        azure
            .networks()
            .manager()
            .serviceClient()
            .getPrivateEndpoints()
            .createOrUpdate(
                RG,
                "sdk-pe",
                new PrivateEndpointInner()
                    .withLocation("eastus")
                    .withSubnet(new SubnetInner().withId(acrSubnet.id()))
                    .withPrivateLinkServiceConnections(
                        List.of(
                            new PrivateLinkServiceConnection()
                                .withName("myConnection")
                                .withPrivateLinkServiceId(registry.id())
                                .withGroupIds(List.of("registry")))));
    String nicId = pe.networkInterfaces().get(0).id();
    NetworkInterfaceInner nic = azure.networkInterfaces().getById(nicId).innerModel();
    Map<String, String> ipByMember = new HashMap<>();
    nic.ipConfigurations()
        .forEach(
            ipc -> {
              NetworkInterfaceIpConfigurationPrivateLinkConnectionProperties p =
                  ipc.privateLinkConnectionProperties();
              ipByMember.put(p.requiredMemberName(), ipc.privateIpAddress());
            });
    assertThat(ipByMember).containsOnlyKeys("registry", "registry_data_eastus");
    assertThat(ipByMember.values()).allSatisfy(ip -> assertThat(ip).startsWith("192.168.2."));

    // Step 5: private DNS zone, link and both A records.
    PrivateDnsZone zone =
        azure
            .privateDnsZones()
            .define("privatelink.azurecr.io")
            .withExistingResourceGroup(RG)
            .defineARecordSet("sdkseedacr")
            .withIPv4Address(ipByMember.get("registry"))
            .attach()
            .defineARecordSet("sdkseedacr.eastus.data")
            .withIPv4Address(ipByMember.get("registry_data_eastus"))
            .attach()
            .defineVirtualNetworkLink("MyDNSLink")
            .withVirtualNetworkId(vnet.id())
            .disableAutoRegistration()
            .attach()
            .create();
    PrivateDnsZone read = azure.privateDnsZones().getById(zone.id());
    assertThat(read.aRecordSets().getByName("sdkseedacr").ipv4Addresses())
        .containsExactly(ipByMember.get("registry"));
    assertThat(read.virtualNetworkLinks().list()).hasSize(1);

    // Step 6: identities and AcrPull for the kubelet identity on the registry.
    Identity kubelet =
        azure
            .identities()
            .define("sdk-kubelet")
            .withRegion(Region.US_EAST)
            .withExistingResourceGroup(RG)
            .create();
    Identity controlPlane =
        azure
            .identities()
            .define("sdk-cp")
            .withRegion(Region.US_EAST)
            .withExistingResourceGroup(RG)
            .create();
    assertThat(kubelet.principalId()).isNotEqualTo(controlPlane.principalId());
    assertThat(azure.identities().getById(kubelet.id()).clientId()).isEqualTo(kubelet.clientId());
    RoleAssignment acrPull =
        azure
            .accessManagement()
            .roleAssignments()
            .define(UUID.randomUUID().toString())
            .forObjectId(kubelet.principalId())
            .withBuiltInRole(BuiltInRole.ACR_PULL)
            .withResourceScope(azure.containerRegistries().getById(registry.id()))
            .create();
    assertThat(acrPull.roleDefinitionId()).endsWith("7f951dda-4ed3-4680-a7ca-43fe172d538d");
    assertThat(azure.accessManagement().roleAssignments().listByScope(registry.id()))
        .extracting(RoleAssignment::principalId)
        .contains(kubelet.principalId());
  }

  @Test
  void bodyErrorsArriveAsManagementExceptions() {
    assertThatThrownBy(
            () ->
                azure
                    .networks()
                    .define("bad-vnet")
                    .withRegion(Region.US_EAST)
                    .withExistingResourceGroup(RG)
                    .withAddressSpace("10.0.0.0/16")
                    .withSubnet("outside", "10.1.0.0/24")
                    .create())
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> assertThat(e.getValue().getCode()).isEqualTo("NetcfgSubnetRangeOutsideVnet"));
    assertThat(azure.networks().listByResourceGroup(RG).stream().map(Network::name))
        .doesNotContain("bad-vnet");
  }
}
