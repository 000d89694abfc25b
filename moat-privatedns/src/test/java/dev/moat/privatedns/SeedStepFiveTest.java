package dev.moat.privatedns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.fabric.topology.PrivateZoneView;
import dev.moat.fabric.topology.PrivateZoneView.ARecordView;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Step 5 of the network-isolated AKS guide, as {@code az network private-dns} sends it: a zone
 * {@code privatelink.azurecr.io}, the link {@code MyDNSLink}, then {@code record-set a create} (PUT
 * with {@code If-None-Match: *} and no records) and {@code add-record} (GET, then PUT of the whole
 * set with {@code If-Match}) for the registry and its data endpoint.
 */
class SeedStepFiveTest {
  private static final String ZONE = "privatelink.azurecr.io";
  private static PrivateDnsFixture fx;

  @BeforeAll
  static void start() {
    fx = PrivateDnsFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void theGuidesStepFiveReadsBackExactly() {
    fx.moat().createGroup("seed-rg", "eastus");
    String vnetId = fx.createVnet("seed-rg", "myVnet");
    String zone = fx.zonePath("seed-rg", ZONE);

    ArmResult created =
        fx.send("PUT", zone, "{\"location\":\"global\"}", Map.of("If-None-Match", "*"));
    created.expectStatus(202);
    assertThat(created.header("Azure-AsyncOperation")).isPresent();
    assertThat(created.header("Location")).isPresent();
    assertThat(created.header("Retry-After")).isPresent();
    assertThat(fx.moat().arm().awaitOperation(created).path("status").asText())
        .isEqualTo("Succeeded");

    JsonNode z = fx.get(zone);
    assertThat(z.path("name").asText()).isEqualTo(ZONE);
    assertThat(z.path("type").asText()).isEqualTo("Microsoft.Network/privateDnsZones");
    assertThat(z.path("location").asText()).isEqualTo("global");
    assertThat(z.path("etag").asText()).isNotEmpty();
    JsonNode zp = z.path("properties");
    assertThat(zp.path("provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(zp.path("numberOfRecordSets").asInt()).isEqualTo(1);
    assertThat(zp.path("maxNumberOfRecordSets").asInt()).isEqualTo(25000);
    assertThat(zp.path("maxNumberOfVirtualNetworkLinks").asInt()).isEqualTo(1000);
    assertThat(zp.path("maxNumberOfVirtualNetworkLinksWithRegistration").asInt()).isEqualTo(100);
    assertThat(zp.path("internalId").asText()).isNotEmpty();

    JsonNode soa = fx.get(zone + "/SOA/@");
    assertThat(soa.path("properties").path("fqdn").asText()).isEqualTo(ZONE + ".");
    assertThat(soa.path("properties").path("ttl").asInt()).isEqualTo(3600);
    JsonNode soaRecord = soa.path("properties").path("soaRecord");
    assertThat(soaRecord.path("host").asText()).isEqualTo("azureprivatedns.net");
    assertThat(soaRecord.path("email").asText()).isEqualTo("azureprivatedns-host.microsoft.com");
    assertThat(soaRecord.path("serialNumber").asLong()).isEqualTo(1);
    assertThat(soaRecord.path("refreshTime").asLong()).isEqualTo(3600);
    assertThat(soaRecord.path("retryTime").asLong()).isEqualTo(300);
    assertThat(soaRecord.path("expireTime").asLong()).isEqualTo(2419200);
    assertThat(soaRecord.path("minimumTtl").asLong()).isEqualTo(10);

    String link = zone + "/virtualNetworkLinks/MyDNSLink";
    ArmResult linked =
        fx.send(
            "PUT", link, PrivateDnsFixture.linkBody(vnetId, false), Map.of("If-None-Match", "*"));
    linked.expectStatus(202);
    assertThat(fx.moat().arm().awaitOperation(linked).path("status").asText())
        .isEqualTo("Succeeded");
    JsonNode l = fx.get(link);
    assertThat(l.path("name").asText()).isEqualTo("MyDNSLink");
    assertThat(l.path("type").asText())
        .isEqualTo("Microsoft.Network/privateDnsZones/virtualNetworkLinks");
    assertThat(l.path("location").asText()).isEqualTo("global");
    assertThat(l.path("properties").path("virtualNetwork").path("id").asText()).isEqualTo(vnetId);
    assertThat(l.path("properties").path("registrationEnabled").asBoolean()).isFalse();
    assertThat(l.path("properties").path("resolutionPolicy").asText()).isEqualTo("Default");
    assertThat(l.path("properties").path("virtualNetworkLinkState").asText())
        .isEqualTo("Completed");
    assertThat(l.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");

    addRecordAsAzDoes(zone, "myacr", "192.168.2.4");
    addRecordAsAzDoes(zone, "myacr.eastus.data", "192.168.2.5");

    JsonNode registry = fx.get(zone + "/A/myacr");
    assertThat(registry.path("id").asText()).isEqualTo(zone + "/A/myacr");
    assertThat(registry.path("name").asText()).isEqualTo("myacr");
    assertThat(registry.path("type").asText()).isEqualTo("Microsoft.Network/privateDnsZones/A");
    assertThat(registry.path("properties").path("fqdn").asText())
        .isEqualTo("myacr.privatelink.azurecr.io.");
    assertThat(registry.path("properties").path("ttl").asInt()).isEqualTo(3600);
    assertThat(registry.path("properties").path("isAutoRegistered").asBoolean()).isFalse();
    assertThat(registry.path("properties").path("aRecords").toString())
        .isEqualTo("[{\"ipv4Address\":\"192.168.2.4\"}]");
    JsonNode data = fx.get(zone + "/A/myacr.eastus.data");
    assertThat(data.path("properties").path("fqdn").asText())
        .isEqualTo("myacr.eastus.data.privatelink.azurecr.io.");
    assertThat(data.path("properties").path("aRecords").toString())
        .isEqualTo("[{\"ipv4Address\":\"192.168.2.5\"}]");
    assertThat(fx.get(zone).path("properties").path("numberOfRecordSets").asInt()).isEqualTo(3);
    assertThat(fx.get(zone).path("properties").path("numberOfVirtualNetworkLinks").asInt())
        .isEqualTo(1);

    PrivateZoneView view = onlyZone();
    assertThat(view.name()).isEqualTo(ZONE);
    assertThat(view.id()).isEqualTo(ResourceId.parse(zone));
    assertThat(view.linkedVirtualNetworks()).containsExactly(ResourceId.parse(vnetId));
    assertThat(view.aRecords())
        .containsExactlyInAnyOrder(
            new ARecordView("myacr", List.of("192.168.2.4"), 3600),
            new ARecordView("myacr.eastus.data", List.of("192.168.2.5"), 3600));

    fx.moat().arm().delete(zone + "/A/myacr", PrivateDnsFixture.V).expectStatus(200);
    fx.moat().arm().get(zone + "/A/myacr", PrivateDnsFixture.V).expectError(404, "NotFound");
    assertThat(onlyZone().aRecords())
        .containsExactly(new ARecordView("myacr.eastus.data", List.of("192.168.2.5"), 3600));
    assertThat(fx.get(zone).path("properties").path("numberOfRecordSets").asInt()).isEqualTo(2);
  }

  /** {@code record-set a create} then {@code record-set a add-record}, request for request. */
  private static void addRecordAsAzDoes(String zone, String name, String ip) {
    String path = zone + "/A/" + name;
    ArmResult created =
        fx.send(
            "PUT",
            path,
            "{\"properties\":{\"ttl\":3600,\"aRecords\":[]}}",
            Map.of("If-None-Match", "*"));
    created.expectStatus(201);
    assertThat(created.body().path("properties").path("aRecords").isArray()).isTrue();
    assertThat(created.body().path("properties").path("aRecords")).isEmpty();

    JsonNode current = fx.get(path);
    String etag = current.path("etag").asText();
    String put =
        "{\"etag\":\""
            + etag
            + "\",\"properties\":{\"ttl\":3600,\"fqdn\":\""
            + current.path("properties").path("fqdn").asText()
            + "\",\"isAutoRegistered\":false,\"aRecords\":[{\"ipv4Address\":\""
            + ip
            + "\"}]}}";
    ArmResult updated = fx.send("PUT", path, put, Map.of("If-Match", etag));
    updated.expectStatus(200);
    assertThat(updated.body().path("etag").asText()).isNotEqualTo(etag);
    assertThat(updated.body()).isEqualTo(fx.get(path));
  }

  private static PrivateZoneView onlyZone() {
    List<PrivateZoneView> zones = fx.provider().inventory().zones();
    assertThat(zones).hasSize(1);
    return zones.get(0);
  }
}
