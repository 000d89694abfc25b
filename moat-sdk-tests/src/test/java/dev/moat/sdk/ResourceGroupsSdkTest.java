package dev.moat.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import dev.moat.server.MoatCloud;
import dev.moat.testing.TestMoat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resource groups through {@code azure-resourcemanager}, exactly as an application uses it. */
class ResourceGroupsSdkTest {
  private static TestMoat moat;
  private static AzureResourceManager azure;

  @BeforeAll
  static void start() {
    moat = TestMoat.start(MoatCloud::assemble);
    azure = SdkFixture.arm(moat);
  }

  @AfterAll
  static void stop() {
    moat.close();
  }

  @Test
  void createListGetAndDelete() {
    ResourceGroup created =
        azure
            .resourceGroups()
            .define("sdk-rg")
            .withRegion(Region.US_EAST)
            .withTags(Map.of("owner", "sdk"))
            .create();
    assertThat(created.name()).isEqualTo("sdk-rg");
    assertThat(created.regionName()).isEqualTo("eastus");
    assertThat(created.provisioningState()).isEqualTo("Succeeded");

    assertThat(azure.resourceGroups().list().stream().map(ResourceGroup::name)).contains("sdk-rg");
    assertThat(azure.resourceGroups().getByName("SDK-RG").tags()).containsEntry("owner", "sdk");
    assertThat(azure.resourceGroups().contain("sdk-rg")).isTrue();

    azure.resourceGroups().deleteByName("sdk-rg");
    assertThat(azure.resourceGroups().contain("sdk-rg")).isFalse();
  }

  @Test
  void errorsArriveAsManagementExceptionsWithAzuresCodes() {
    assertThatThrownBy(() -> azure.resourceGroups().getByName("no-such-rg"))
        .isInstanceOfSatisfying(
            ManagementException.class,
            e -> {
              assertThat(e.getValue().getCode()).isEqualTo("ResourceGroupNotFound");
              assertThat(e.getValue().getMessage())
                  .isEqualTo("Resource group 'no-such-rg' could not be found.");
            });
    assertThatThrownBy(
            () ->
                azure
                    .resourceGroups()
                    .define("mars-rg")
                    .withRegion(Region.fromName("mars"))
                    .create())
        .isInstanceOfSatisfying(
            ManagementException.class,
            e ->
                assertThat(e.getValue().getCode())
                    .isEqualTo("LocationNotAvailableForResourceGroup"));
    assertThat(azure.resourceGroups().contain("mars-rg")).isFalse();
  }

  @Test
  void theSubscriptionIsVisible() {
    assertThat(azure.getCurrentSubscription().subscriptionId()).isEqualTo(moat.subscriptionId());
    assertThat(azure.getCurrentSubscription().displayName()).isEqualTo("Moat Subscription");
  }
}
