package dev.moat.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.auth.Authenticator;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.auth.TokenService;
import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTable;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.OperationRepository;
import dev.moat.platform.store.SqliteDatabase;
import dev.moat.platform.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front door's one error mapper, authentication and routing errors. */
class ArmFrontDoorTest {
  private static final ResourceType WIDGETS = ResourceType.of("Moat.Test/widgets");
  private static final String SUB = Tenancy.DEFAULT_SUBSCRIPTION_ID;
  private static final String WIDGET =
      "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Moat.Test/widgets/w1";

  @TempDir Path dir;
  private SqliteDatabase database;
  private MutableClock clock;
  private TokenService tokens;
  private ArmFrontDoor door;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    database = SqliteDatabase.open(dir.resolve("db"), false);
    tokens = TokenService.loadOrCreate(dir, clock);
    List<dev.moat.arm.routing.ArmOperation> ops = new ArrayList<>();
    ops.addAll(
        OperationTableBuilder.forType(WIDGETS, "2024-01-01")
            .item(
                "GET",
                r -> {
                  throw new IllegalStateException("secret internal detail at /etc/passwd");
                })
            .item("PUT", r -> ArmResponse.ok(r.body(Widget.class)))
            .item(
                "DELETE",
                r -> {
                  throw CommonError.CONFLICT.exception("busy");
                })
            .build());
    door =
        new ArmFrontDoor(
            new OperationTable(ops),
            new Authenticator(tokens),
            Tenancy.defaults(),
            new OperationRepository(database, clock),
            clock,
            group -> true);
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  record Widget(String color, int size) {}

  private String token(String audience, Duration lifetime) {
    Principal p =
        new Principal(
            Tenancy.DEFAULT_TENANT_ID,
            "oid-1",
            "app-1",
            Principal.PrincipalType.ServicePrincipal,
            "t");
    return tokens.issue(p, audience, lifetime).value();
  }

  private HttpResult call(String method, String path, String query, String token, String body) {
    return call(method, path, query, token, body, body == null ? null : "application/json");
  }

  private HttpResult call(
      String method, String path, String query, String token, String body, String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("authorization", "Bearer " + token);
    }
    if (contentType != null) {
      headers.put("content-type", contentType);
    }
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (query != null) {
      q.put("api-version", List.of(query));
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return door.handle(
        new HttpCall(
            method, path, q, headers, bytes, false, "https://127.0.0.1:8443", "127.0.0.1"));
  }

  private String valid() {
    return token("https://127.0.0.1:8443/", Duration.ofHours(1));
  }

  private static String text(HttpResult r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void anUnexpectedExceptionIsAGeneric500WithoutItsMessage() {
    HttpResult r = call("GET", WIDGET, "2024-01-01", valid(), null);
    assertThat(r.status()).isEqualTo(500);
    assertThat(text(r))
        .contains("\"code\":\"InternalServerError\"")
        .doesNotContain("secret")
        .doesNotContain("passwd")
        .doesNotContain("Exception")
        .doesNotContain("at dev.");
    assertThat(r.headers()).containsKey("x-ms-request-id");
  }

  @Test
  void domainErrorsKeepTheirStatusAndCode() {
    HttpResult r = call("DELETE", WIDGET, "2024-01-01", valid(), null);
    assertThat(r.status()).isEqualTo(409);
    assertThat(text(r)).isEqualTo("{\"error\":{\"code\":\"Conflict\",\"message\":\"busy\"}}");
  }

  @Test
  void bodiesOfTheWrongShapeAre400s() {
    assertThat(
            call("PUT", WIDGET, "2024-01-01", valid(), "{\"color\":\"red\",\"size\":\"big\"}")
                .status())
        .isEqualTo(400);
    assertThat(call("PUT", WIDGET, "2024-01-01", valid(), "[1,2]").status()).isEqualTo(400);
    assertThat(call("PUT", WIDGET, "2024-01-01", valid(), "").status()).isEqualTo(400);
    assertThat(
            call("PUT", WIDGET, "2024-01-01", valid(), "{\"color\":\"red\",\"size\":3} x").status())
        .isEqualTo(400);
    assertThat(
            call("PUT", WIDGET, "2024-01-01", valid(), "{\"color\":\"red\",\"size\":3}").status())
        .isEqualTo(200);
  }

  @Test
  void tokensMustBePresentValidUnexpiredAndForTheManagementAudience() {
    assertThat(text(call("GET", WIDGET, "2024-01-01", null, null)))
        .contains("AuthenticationFailed");
    HttpResult noToken = call("GET", WIDGET, "2024-01-01", null, null);
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.headers().get("WWW-Authenticate")).startsWith("Bearer authorization_uri=");
    assertThat(text(call("GET", WIDGET, "2024-01-01", "not-a-jwt", null)))
        .contains("InvalidAuthenticationToken");
    String registryToken = token("https://containerregistry.azure.net", Duration.ofHours(1));
    assertThat(text(call("GET", WIDGET, "2024-01-01", registryToken, null)))
        .contains("InvalidAuthenticationTokenAudience");
    String shortLived = token("https://management.azure.com/", Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(6));
    assertThat(text(call("GET", WIDGET, "2024-01-01", shortLived, null)))
        .contains("ExpiredAuthenticationToken");
    TokenService other = TokenService.loadOrCreate(dir.resolve("other"), clock);
    String forged =
        other
            .issue(
                new Principal("t", "o", "a", Principal.PrincipalType.ServicePrincipal, "x"),
                "https://127.0.0.1:8443/",
                Duration.ofHours(1))
            .value();
    assertThat(text(call("GET", WIDGET, "2024-01-01", forged, null)))
        .contains("InvalidAuthenticationToken");
  }

  @Test
  void routingErrorsComeFromTheTable() {
    assertThat(text(call("GET", WIDGET, null, valid(), null)))
        .contains("MissingApiVersionParameter");
    assertThat(text(call("GET", WIDGET, "2099-01-01", valid(), null)))
        .contains("NoRegisteredProviderFound")
        .contains("2024-01-01");
    assertThat(text(call("PATCH", WIDGET, "2024-01-01", valid(), "{}")))
        .contains("HttpMethodNotSupported");
    assertThat(
            text(
                call(
                    "GET",
                    "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Moat.Test/gadgets/g",
                    "2024-01-01",
                    valid(),
                    null)))
        .contains("InvalidResourceType");
    assertThat(call("GET", "/nothing/here", "2024-01-01", valid(), null).status()).isEqualTo(404);
  }

  @Test
  void bodiesThatAreNotJsonAre415sAndNeverReachTheHandler() {
    String body = "{\"color\":\"red\",\"size\":3}";
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "text/xml")) {
      HttpResult r = call("PUT", WIDGET, "2024-01-01", valid(), body, type);
      assertThat(r.status()).isEqualTo(415);
      assertThat(text(r))
          .contains("\"code\":\"UnsupportedMediaType\"")
          .contains("The content media type '" + type + "' is not supported.");
    }
    assertThat(text(call("PUT", WIDGET, "2024-01-01", valid(), body, null)))
        .contains("The content media type '<null>' is not supported.");
    assertThat(
            call("PUT", WIDGET, "2024-01-01", valid(), body, "application/json; charset=utf-8")
                .status())
        .isEqualTo(200);
    assertThat(call("PUT", WIDGET, "2024-01-01", valid(), body, "text/json").status())
        .isEqualTo(200);
  }

  @Test
  void malformedSubscriptionIdsAreInvalidSubscriptionId() {
    HttpResult r =
        call(
            "GET",
            "/subscriptions/not-a-guid/resourceGroups/rg/providers/Moat.Test/widgets/w1",
            "2024-01-01",
            valid(),
            null);
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r))
        .contains("\"code\":\"InvalidSubscriptionId\"")
        .contains("The provided subscription identifier 'not-a-guid' is malformed or invalid.");
    HttpResult unknown =
        call(
            "GET",
            "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Moat.Test/widgets/w1",
            "2024-01-01",
            valid(),
            null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(text(unknown)).contains("SubscriptionNotFound");
  }

  @Test
  void tagLimitsAreArmsForEveryType() {
    String tooMany =
        java.util.stream.IntStream.range(0, 51)
            .mapToObj(i -> "\"t" + i + "\":\"v\"")
            .collect(java.util.stream.Collectors.joining(","));
    assertTagError("{" + tooMany + "}", "InvalidTemplate");
    assertTagError("{\"" + "n".repeat(513) + "\":\"v\"}", "InvalidTagNameLength");
    assertTagError("{\"env\":\"" + "v".repeat(257) + "\"}", "InvalidTagValueLength");
    assertTagError("{\"a/b\":\"v\"}", "InvalidTagNameCharacters");
    assertTagError("{\"a<b\":\"v\"}", "InvalidTagNameCharacters");
    String atTheLimits = "{\"" + "n".repeat(512) + "\":\"" + "v".repeat(256) + "\"}";
    assertThat(
            call(
                    "PUT",
                    WIDGET,
                    "2024-01-01",
                    valid(),
                    "{\"color\":\"red\",\"size\":3,\"tags\":" + atTheLimits + "}")
                .status())
        .isEqualTo(200);
  }

  private void assertTagError(String tags, String code) {
    HttpResult r =
        call(
            "PUT",
            WIDGET,
            "2024-01-01",
            valid(),
            "{\"color\":\"red\",\"size\":3,\"tags\":" + tags + "}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).contains("\"code\":\"" + code + "\"");
  }

  @Test
  void oversizedBodiesAreRequestContentTooLarge() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("authorization", "Bearer " + valid());
    headers.put("content-type", "application/json");
    HttpResult r =
        door.handle(
            new HttpCall(
                "PUT",
                WIDGET,
                Map.of("api-version", List.of("2024-01-01")),
                headers,
                new byte[0],
                true,
                "https://127.0.0.1:8443",
                "127.0.0.1"));
    assertThat(r.status()).isEqualTo(413);
    assertThat(text(r)).contains("\"code\":\"RequestContentTooLarge\"");
  }
}
