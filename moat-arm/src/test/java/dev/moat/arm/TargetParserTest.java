package dev.moat.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.routing.Target;
import dev.moat.arm.routing.TargetParser;
import dev.moat.platform.id.ResourceType;
import org.junit.jupiter.api.Test;

class TargetParserTest {
  private static final String RG = "/subscriptions/s/resourceGroups/rg";

  private static Target parse(String path) {
    return TargetParser.parse(path).orElseThrow();
  }

  @Test
  void itemsAndCollections() {
    assertThat(parse(RG)).isInstanceOf(Target.Item.class);
    assertThat(parse("/subscriptions/s/resourcegroups").type())
        .isEqualTo(ResourceType.RESOURCE_GROUP);
    Target vnets = parse(RG + "/providers/Microsoft.Network/virtualNetworks");
    assertThat(vnets.shape()).isEqualTo(Target.Shape.COLLECTION);
    assertThat(vnets.type().value()).isEqualTo("Microsoft.Network/virtualNetworks");
    Target subnets = parse(RG + "/providers/Microsoft.Network/virtualNetworks/v/subnets");
    assertThat(subnets.type().value()).isEqualTo("Microsoft.Network/virtualNetworks/subnets");
    assertThat(((Target.Collection) subnets).parent().name()).isEqualTo("v");
  }

  @Test
  void actionsAreCollectionsNamedByTheirLastSegment() {
    Target action =
        parse(
            RG
                + "/providers/Microsoft.ContainerService/managedClusters/c/listClusterUserCredential");
    assertThat(action.type().value())
        .isEqualTo("Microsoft.ContainerService/managedClusters/listClusterUserCredential");
    assertThat(
            parse("/subscriptions/s/providers/Microsoft.ContainerRegistry/checkNameAvailability")
                .type()
                .value())
        .isEqualTo("Microsoft.ContainerRegistry/checkNameAvailability");
  }

  @Test
  void extensionResourcesAtAnyScope() {
    String subnet = RG + "/providers/Microsoft.Network/virtualNetworks/v/subnets/api";
    Target list = parse(subnet + "/providers/Microsoft.Authorization/roleAssignments");
    assertThat(list.type().value()).isEqualTo("Microsoft.Authorization/roleAssignments");
    assertThat(((Target.Collection) list).parent().name()).isEqualTo("api");
    Target item = parse(subnet + "/providers/Microsoft.Authorization/roleAssignments/g1");
    assertThat(item.type().value()).isEqualTo("Microsoft.Authorization/roleAssignments");
    assertThat(
            parse("/subscriptions/s/providers/Microsoft.Authorization/roleAssignments")
                .type()
                .value())
        .isEqualTo("Microsoft.Authorization/roleAssignments");
  }

  @Test
  void tenantLevelAndGarbage() {
    assertThat(parse("/subscriptions").subscriptionId()).isEmpty();
    assertThat(parse("/tenants").type()).isEqualTo(TargetParser.TENANTS);
    assertThat(TargetParser.parse("/foo/bar")).isEmpty();
    assertThat(TargetParser.parse("/subscriptions/s/resourceGroups/rg/providers/Microsoft.X"))
        .isEmpty();
  }
}
