package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.platform.json.Json;
import dev.moat.registry.api.AccessDecision;
import dev.moat.registry.api.AccessPolicy;
import dev.moat.registry.api.Action;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.proxy.CacheRules;
import dev.moat.registry.proxy.ProxySettings;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access hook's 401/403 answers and the error mapper's generic 500. */
class AccessAndErrorsTest {
  @TempDir Path dir;

  private TestRegistry registry(AccessPolicy policy) throws Exception {
    var ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
    return new TestRegistry(
        dir.resolve("reg"),
        ca,
        Clock.systemUTC(),
        RegistryName.of("myacr"),
        CacheRules.none(),
        new UnreachableUpstream(),
        ProxySettings.defaults(),
        policy);
  }

  private OciClient client(TestRegistry r) throws Exception {
    var ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
    return new OciClient(r.base(), TestRegistry.trusting(ca));
  }

  @Test
  void challengeCarriesRealmServiceAndScope() throws Exception {
    AccessPolicy policy =
        (access, request) ->
            access.action() == Action.PUSH
                ? AccessDecision.challenge("token required")
                : AccessDecision.deny("network rule");
    try (TestRegistry r = registry(policy)) {
      OciClient c = client(r);
      HttpResponse<byte[]> push = c.send("POST", "/v2/team/app/blobs/uploads/", null);
      assertThat(push.statusCode()).isEqualTo(401);
      assertThat(push.headers().firstValue("WWW-Authenticate"))
          .hasValue(
              "Bearer realm=\"https://127.0.0.1:"
                  + r.port()
                  + "/oauth2/token\",service=\"127.0.0.1\",scope=\"repository:team/app:pull,push\"");
      assertThat(Json.mapper().readTree(push.body()).path("errors").get(0).path("code").asText())
          .isEqualTo("UNAUTHORIZED");
      HttpResponse<byte[]> pull = c.get("/v2/team/app/manifests/v1");
      assertThat(pull.statusCode()).isEqualTo(403);
      assertThat(Json.mapper().readTree(pull.body()).path("errors").get(0).path("code").asText())
          .isEqualTo("DENIED");
    }
  }

  @Test
  void unexpectedFailuresAreAGeneric500WithoutDetails() throws Exception {
    AccessPolicy broken =
        (access, request) -> {
          throw new IllegalStateException("secret internal detail");
        };
    try (TestRegistry r = registry(broken)) {
      HttpResponse<byte[]> resp = client(r).get("/v2/");
      assertThat(resp.statusCode()).isEqualTo(500);
      String body = new String(resp.body(), StandardCharsets.UTF_8);
      assertThat(body)
          .isEqualTo("{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"unknown error\"}]}");
    }
  }

  @Test
  void nonRegistryPathsAreDeclinedForTheNextHandler() throws Exception {
    try (TestRegistry r = registry(AccessPolicy.allowAll())) {
      HttpResponse<byte[]> resp = client(r).get("/subscriptions/x");
      assertThat(resp.statusCode()).isEqualTo(404);
      assertThat(resp.headers().firstValue("Docker-Distribution-Api-Version")).isEmpty();
    }
  }
}
