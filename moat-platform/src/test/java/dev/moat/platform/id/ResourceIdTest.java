package dev.moat.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.platform.error.ArmException;
import org.junit.jupiter.api.Test;

class ResourceIdTest {
  private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";

  @Test
  void parsesNestedResourcesAndKeepsCallerCasing() {
    ResourceId id =
        ResourceId.parse(
            SUB
                + "/resourcegroups/RG1/providers/Microsoft.Network/virtualNetworks/VNet/subnets/aks");
    assertThat(id.resourceGroup()).contains("RG1");
    assertThat(id.type()).isEqualTo(ResourceType.of("microsoft.network/VIRTUALNETWORKS/subnets"));
    assertThat(id.name()).isEqualTo("aks");
    assertThat(id.toString())
        .isEqualTo(
            SUB
                + "/resourceGroups/RG1/providers/Microsoft.Network/virtualNetworks/VNet/subnets/aks");
    assertThat(id.parent().orElseThrow().name()).isEqualTo("VNet");
    assertThat(id.parent().orElseThrow().parent().orElseThrow().isResourceGroup()).isTrue();
  }

  @Test
  void comparesCaseInsensitively() {
    ResourceId a = ResourceId.parse(SUB + "/resourceGroups/rg/providers/Microsoft.X/things/a");
    ResourceId b =
        ResourceId.parse(SUB.toUpperCase() + "/RESOURCEGROUPS/RG/PROVIDERS/microsoft.x/THINGS/A");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.key()).isEqualTo(b.key());
  }

  @Test
  void extensionResourcesKeepTheirScope() {
    String scope = SUB + "/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acr";
    ResourceId ra =
        ResourceId.parse(scope + "/providers/Microsoft.Authorization/roleAssignments/1234");
    assertThat(ra.type().value()).isEqualTo("Microsoft.Authorization/roleAssignments");
    assertThat(ra.extensionScope()).contains(ResourceId.parse(scope));
    assertThat(ra.parent()).contains(ResourceId.parse(scope));
    assertThat(ra.resourceGroup()).contains("rg");
    assertThat(ResourceId.parse(scope).contains(ra)).isTrue();
  }

  @Test
  void subscriptionLevelProviderResources() {
    ResourceId id =
        ResourceId.parse(SUB + "/providers/Microsoft.Authorization/roleDefinitions/abc");
    assertThat(id.resourceGroup()).isEmpty();
    assertThat(id.type().value()).isEqualTo("Microsoft.Authorization/roleDefinitions");
    assertThat(id.parent())
        .contains(ResourceId.subscription("00000000-0000-0000-0000-000000000001"));
  }

  @Test
  void containsIsPrefixOnSegmentBoundaries() {
    ResourceId rg = ResourceId.parse(SUB + "/resourceGroups/rg");
    assertThat(rg.contains(ResourceId.parse(SUB + "/resourceGroups/rg/providers/A.B/c/d")))
        .isTrue();
    assertThat(rg.contains(ResourceId.parse(SUB + "/resourceGroups/rg2"))).isFalse();
  }

  @Test
  void rejectsMalformedIds() {
    for (String bad :
        new String[] {
          "",
          "subscriptions/x",
          "/subscriptions",
          "/subscriptions/s/",
          "/subscriptions//resourceGroups/x",
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.X",
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.X/things",
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.X/things/a/child",
          "/tenants/x"
        }) {
      assertThat(ResourceId.tryParse(bad)).as(bad).isEmpty();
    }
    assertThatThrownBy(() -> ResourceId.parse("/nope"))
        .isInstanceOf(ArmException.class)
        .hasMessageContaining("LinkedInvalidPropertyId");
  }

  @Test
  void childAndProviderBuildIds() {
    ResourceId rg = ResourceId.resourceGroup("s", "rg");
    ResourceId vnet = rg.provider("Microsoft.Network", "virtualNetworks", "v");
    assertThat(vnet.child("subnets", "a").toString())
        .isEqualTo(
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a");
  }

  @Test
  void regionsNormaliseDisplayNames() {
    Regions regions = Regions.azurePublicCloud();
    assertThat(regions.normalize("East US")).contains("eastus");
    assertThat(regions.normalize("westus2")).contains("westus2");
    assertThat(regions.normalize("mars")).isEmpty();
  }

  @Test
  void apiVersionsParseAndOrder() {
    assertThat(ApiVersion.tryParse("2025-04-01")).isPresent();
    assertThat(ApiVersion.tryParse("2026-04-02-preview").orElseThrow().isPreview()).isTrue();
    assertThat(ApiVersion.tryParse("latest")).isEmpty();
    assertThat(new ApiVersion("2024-01-01")).isLessThan(new ApiVersion("2025-01-01"));
  }
}
