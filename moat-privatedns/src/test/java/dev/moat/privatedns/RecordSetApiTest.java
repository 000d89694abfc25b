package dev.moat.privatedns;

import static dev.moat.privatedns.PrivateDnsFixture.V;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmClient;
import dev.moat.testing.ArmResult;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record sets: shapes per type, Azure's validation and CNAME rule, lists and preconditions. */
class RecordSetApiTest {
  private static PrivateDnsFixture fx;
  private static ArmClient arm;
  private static String zone;

  @BeforeAll
  static void start() {
    fx = PrivateDnsFixture.start();
    arm = fx.moat().arm();
    fx.moat().createGroup("records-rg", "eastus");
    zone = fx.createZone("records-rg", "privatezone1.com");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void aRecordSetIsShapedLikeAzuresExampleWithItsNameLowerCased() {
    ArmResult r =
        arm.put(
            zone + "/A/recordA",
            V,
            "{\"properties\":{\"aRecords\":[{\"ipv4Address\":\"1.2.3.4\"}],"
                + "\"metadata\":{\"key1\":\"value1\"},\"ttl\":3600}}");
    r.expectStatus(201);
    JsonNode b = r.body();
    assertThat(b.path("name").asText()).isEqualTo("recorda");
    assertThat(b.path("id").asText()).isEqualTo(zone + "/A/recorda");
    assertThat(b.path("type").asText()).isEqualTo("Microsoft.Network/privateDnsZones/A");
    assertThat(b.path("etag").asText()).isNotEmpty();
    assertThat(b.path("properties").toString())
        .isEqualTo(
            "{\"metadata\":{\"key1\":\"value1\"},\"ttl\":3600,\"fqdn\":\"recorda.privatezone1.com.\","
                + "\"isAutoRegistered\":false,\"aRecords\":[{\"ipv4Address\":\"1.2.3.4\"}]}");
    assertThat(fx.get(zone + "/a/RECORDA")).isEqualTo(b);
    arm.put(zone + "/A/RecordA", V, "{\"properties\":{\"aRecords\":[]}}").expectStatus(200);
  }

  @Test
  void invalidContentIsRejectedAndNothingChanges() {
    ArmResult badIp =
        arm.put(
            zone + "/A/bad", V, "{\"properties\":{\"aRecords\":[{\"ipv4Address\":\"1.2.3\"}]}}");
    badIp.expectError(400, "BadRequest");
    assertThat(badIp.errorMessage()).isEqualTo("The provided ip address '1.2.3' is not valid.");
    arm.put(zone + "/A/bad", V, "{\"properties\":{\"aRecords\":[{\"ipv4Address\":\"::1\"}]}}")
        .expectError(400, "BadRequest");
    arm.put(
            zone + "/AAAA/bad",
            V,
            "{\"properties\":{\"aaaaRecords\":[{\"ipv6Address\":\"1.2.3.4\"}]}}")
        .expectError(400, "BadRequest");
    arm.put(zone + "/A/bad", V, "{\"properties\":{\"ttl\":-1,\"aRecords\":[]}}")
        .expectError(400, "BadRequest");
    arm.put(zone + "/A/bad..name", V, "{\"properties\":{\"aRecords\":[]}}")
        .expectError(400, "BadRequest");
    arm.put(zone + "/A/bad", V, "{\"properties\":{\"aRecords\":\"1.2.3.4\"}}")
        .expectError(400, "InvalidRequestContent");
    arm.put(zone + "/TXT/bad", V, "{\"properties\":{\"txtRecords\":[{\"value\":[]}]}}")
        .expectError(400, "BadRequest");
    arm.put(zone + "/SOA/bad", V, "{\"properties\":{\"soaRecord\":{\"email\":\"x.y\"}}}")
        .expectError(400, "BadRequest");
    arm.get(zone + "/A/bad", V).expectError(404, "NotFound");
    arm.get(zone + "/AAAA/bad", V).expectError(404, "NotFound");
    arm.get(zone + "/TXT/bad", V).expectError(404, "NotFound");
    arm.put(fx.zonePath("records-rg", "nozone.example.com") + "/A/x", V, "{\"properties\":{}}")
        .expectError(404, "ParentResourceNotFound");
    arm.delete(zone + "/SOA/@", V).expectError(400, "BadRequest");
    fx.get(zone + "/SOA/@");
  }

  @Test
  void aCnameSharesItsNameWithNothing() {
    arm.put(zone + "/TXT/shared", V, "{\"properties\":{\"txtRecords\":[{\"value\":[\"v=1\"]}]}}")
        .expectStatus(201);
    ArmResult conflict =
        arm.put(
            zone + "/CNAME/shared",
            V,
            "{\"properties\":{\"cnameRecord\":{\"cname\":\"x.contoso.com\"}}}");
    conflict.expectError(409, "Conflict");
    assertThat(conflict.errorMessage())
        .isEqualTo(
            "The CNAME record could not be created because another record with the same name"
                + " already exists in this zone.");
    arm.get(zone + "/CNAME/shared", V).expectError(404, "NotFound");

    ArmResult alias =
        arm.put(
            zone + "/CNAME/alias",
            V,
            "{\"properties\":{\"ttl\":60,\"cnameRecord\":{\"cname\":\"x.contoso.com\"}}}");
    alias.expectStatus(201);
    assertThat(alias.body().path("properties").path("cnameRecord").path("cname").asText())
        .isEqualTo("x.contoso.com");
    arm.put(
            zone + "/A/alias",
            V,
            "{\"properties\":{\"aRecords\":[{\"ipv4Address\":\"10.0.0.9\"}]}}")
        .expectError(409, "Conflict");
    arm.get(zone + "/A/alias", V).expectError(404, "NotFound");
    arm.put(
            zone + "/CNAME/@",
            V,
            "{\"properties\":{\"cnameRecord\":{\"cname\":\"x.contoso.com\"}}}")
        .expectError(400, "BadRequest");
    arm.put(zone + "/CNAME/empty", V, "{\"properties\":{}}").expectError(400, "BadRequest");
  }

  @Test
  void otherTypesListsAndPatch() {
    arm.put(
            zone + "/AAAA/six",
            V,
            "{\"properties\":{\"aaaaRecords\":[{\"ipv6Address\":\"fd00::4\"}]}}")
        .expectStatus(201);
    arm.put(zone + "/TXT/text", V, "{\"properties\":{\"txtRecords\":[{\"value\":[\"a\",\"b\"]}]}}")
        .expectStatus(201);
    arm.put(
            zone + "/A/list1",
            V,
            "{\"properties\":{\"aRecords\":[{\"ipv4Address\":\"10.1.1.1\"}]}}")
        .expectStatus(201);
    assertThat(fx.get(zone + "/TXT/text").path("properties").path("txtRecords").toString())
        .isEqualTo("[{\"value\":[\"a\",\"b\"]}]");
    assertThat(fx.get(zone + "/AAAA/six").path("properties").path("aaaaRecords").toString())
        .isEqualTo("[{\"ipv6Address\":\"fd00::4\"}]");

    assertThat(fx.get(zone + "/A").path("value").findValuesAsText("type"))
        .allMatch(t -> t.equals("Microsoft.Network/privateDnsZones/A"))
        .contains("Microsoft.Network/privateDnsZones/A");
    JsonNode all = fx.get(zone + "/ALL");
    assertThat(all.path("value").findValuesAsText("name")).contains("@", "six", "text", "list1");
    assertThat(fx.get(zone + "/recordsets")).isEqualTo(all);
    assertThat(fx.get(zone).path("properties").path("numberOfRecordSets").asInt())
        .isEqualTo(all.path("value").size());

    ArmResult patched = arm.patch(zone + "/A/list1", V, "{\"properties\":{\"ttl\":60}}");
    patched.expectStatus(200);
    assertThat(patched.body().path("properties").path("ttl").asInt()).isEqualTo(60);
    assertThat(patched.body().path("properties").path("aRecords").toString())
        .isEqualTo("[{\"ipv4Address\":\"10.1.1.1\"}]");
    arm.patch(zone + "/A/nothing", V, "{\"properties\":{\"ttl\":60}}").expectError(404, "NotFound");
    arm.delete(zone + "/A/nothing", V).expectStatus(204);
  }

  @Test
  void etagPreconditionsOnRecordSets() {
    String path = zone + "/A/guarded";
    fx.send("PUT", path, "{\"properties\":{\"aRecords\":[]}}", Map.of("If-None-Match", "*"))
        .expectStatus(201);
    String etag = fx.get(path).path("etag").asText();
    ArmResult again =
        fx.send(
            "PUT",
            path,
            "{\"properties\":{\"aRecords\":[{\"ipv4Address\":\"10.0.0.1\"}]}}",
            Map.of("If-None-Match", "*"));
    again.expectError(412, "PreconditionFailed");
    assertThat(again.errorMessage())
        .isEqualTo("The condition '*' in the If-None-Match header was satisfied.");
    fx.send(
            "PUT",
            path,
            "{\"properties\":{\"aRecords\":[{\"ipv4Address\":\"10.0.0.1\"}]}}",
            Map.of("If-Match", "00000000-0000-0000-0000-000000000000"))
        .expectError(412, "PreconditionFailed");
    fx.send("PATCH", path, "{\"properties\":{\"ttl\":5}}", Map.of("If-Match", "stale"))
        .expectError(412, "PreconditionFailed");
    fx.send("DELETE", path, null, Map.of("If-Match", "stale"))
        .expectError(412, "PreconditionFailed");
    JsonNode unchanged = fx.get(path);
    assertThat(unchanged.path("etag").asText()).isEqualTo(etag);
    assertThat(unchanged.path("properties").path("aRecords")).isEmpty();
    assertThat(unchanged.path("properties").path("ttl").asInt()).isEqualTo(3600);
    fx.send("DELETE", path, null, Map.of("If-Match", etag)).expectStatus(200);
    arm.get(path, V).expectError(404, "NotFound");
  }

  @Test
  void theSoaRecordSetCanBeEditedButKeepsAzuresHost() {
    ArmResult r =
        arm.put(
            zone + "/SOA/@",
            V,
            "{\"properties\":{\"ttl\":600,\"soaRecord\":{\"host\":\"evil.example.com\","
                + "\"email\":\"admin.contoso.com\",\"refreshTime\":1800}}}");
    r.expectStatus(200);
    JsonNode soa = r.body().path("properties").path("soaRecord");
    assertThat(soa.path("host").asText()).isEqualTo("azureprivatedns.net");
    assertThat(soa.path("email").asText()).isEqualTo("admin.contoso.com");
    assertThat(soa.path("refreshTime").asLong()).isEqualTo(1800);
    assertThat(soa.path("expireTime").asLong()).isEqualTo(2419200);
    assertThat(r.body().path("properties").path("ttl").asInt()).isEqualTo(600);
    assertThat(fx.get(zone + "/SOA/@")).isEqualTo(r.body());
  }
}
