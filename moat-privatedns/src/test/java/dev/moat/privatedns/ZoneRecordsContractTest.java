package dev.moat.privatedns;

import static dev.moat.privatedns.PrivateDnsFixture.V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.fabric.topology.PrivateZoneView.ARecordView;
import dev.moat.platform.contracts.PrivateDnsRecords;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PrivateDnsRecords} as a private endpoint's zone group uses it, and the inventory's view of
 * links that are still being provisioned.
 */
class ZoneRecordsContractTest {
  private static PrivateDnsFixture fx;

  @BeforeAll
  static void start() {
    fx = PrivateDnsFixture.start(s -> s.withProvisioningDelay(Duration.ofMillis(1500)));
    fx.moat().createGroup("contract-rg", "eastus");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void upsertAndDeleteAWriteWhatTheApiShows() {
    String zone = fx.createZone("contract-rg", "privatelink.azurecr.io");
    ResourceId zoneId = ResourceId.parse(zone);
    PrivateDnsRecords records = fx.provider().records();
    assertThat(records.zoneName(zoneId)).contains("privatelink.azurecr.io");
    assertThat(records.zoneName(ResourceId.parse(fx.zonePath("contract-rg", "none.example.com"))))
        .isEmpty();

    records.upsertA(zoneId, "MyAcr", List.of("192.168.2.4"), 10);
    assertThat(fx.get(zone + "/A/myacr").path("properties").path("aRecords").toString())
        .isEqualTo("[{\"ipv4Address\":\"192.168.2.4\"}]");
    records.upsertA(zoneId, "myacr", List.of("192.168.2.4", "192.168.2.6"), 10);
    assertThat(fx.provider().inventory().zones().get(0).aRecords())
        .containsExactly(new ARecordView("myacr", List.of("192.168.2.4", "192.168.2.6"), 10));
    assertThatThrownBy(() -> records.upsertA(zoneId, "bad", List.of("300.1.1.1"), 10))
        .isInstanceOf(ArmException.class);

    records.deleteA(zoneId, "myacr");
    records.deleteA(zoneId, "myacr");
    fx.moat().arm().get(zone + "/A/myacr", V).expectError(404, "NotFound");
    assertThat(fx.provider().inventory().zones().get(0).aRecords()).isEmpty();
  }

  @Test
  void aLinkCountsOnlyOnceItHasTakenEffect() {
    String zone = fx.createZone("contract-rg", "delayed.example.com");
    String vnet = fx.createVnet("contract-rg", "delayed-vnet");
    var started =
        fx.moat()
            .arm()
            .put(zone + "/virtualNetworkLinks/slow", V, PrivateDnsFixture.linkBody(vnet, false))
            .expectStatus(202);
    var link = fx.get(zone + "/virtualNetworkLinks/slow").path("properties");
    assertThat(link.path("provisioningState").asText()).isEqualTo("Creating");
    assertThat(link.path("virtualNetworkLinkState").asText()).isEqualTo("InProgress");
    assertThat(linkedNetworks("delayed.example.com")).isEmpty();

    fx.moat().arm().awaitOperation(started);
    assertThat(linkedNetworks("delayed.example.com")).containsExactly(ResourceId.parse(vnet));
  }

  private static List<ResourceId> linkedNetworks(String zoneName) {
    return fx.provider().inventory().zones().stream()
        .filter(z -> z.name().equals(zoneName))
        .findFirst()
        .orElseThrow()
        .linkedVirtualNetworks();
  }
}
