package dev.moat.containerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cache-rule rules over HTTPS; every rejection leaves the rules as they were. */
class CacheRulesApiTest {
  private static final String V = AcrTestSupport.V;
  private static AcrTestSupport t;

  @BeforeAll
  static void start() {
    t = AcrTestSupport.start();
    t.moat.createGroup("rules-rg", "eastus");
  }

  @AfterAll
  static void stop() {
    t.moat.close();
  }

  @Test
  void badNamesRepositoriesAndUpstreamsAreRefused() {
    String registry = t.createRegistry("rules-rg", "syntaxacr", "Basic", "{}");
    String rule = AcrTestSupport.rule("mcr.microsoft.com/*", "aks/*");
    t.moat.arm().put(registry + "/cacheRules/abc", V, rule).expectError(400, "InvalidResourceName");
    t.moat
        .arm()
        .put(registry + "/cacheRules/bad_name", V, rule)
        .expectError(400, "InvalidResourceName");
    var upstream =
        t.moat
            .arm()
            .put(
                registry + "/cacheRules/upbound",
                V,
                AcrTestSupport.rule("xpkg.upbound.io/*", "upbound/*"))
            .expectError(400, "UpstreamNotSupported");
    assertThat(upstream.errorMessage())
        .isEqualTo(
            "Unsupported upstream or login server 'xpkg.upbound.io/*' provided. Supported upstreams"
                + " or login servers are: docker.io, mcr.microsoft.com, quay.io, public.ecr.aws,"
                + " ghcr.io, nvcr.io, registry.k8s.io, gcr.io, eu.gcr.io, *.pkg.dev.");
    t.moat
        .arm()
        .put(
            registry + "/cacheRules/uppercase",
            V,
            AcrTestSupport.rule("docker.io/library/Hello", "hello"))
        .expectError(400, "InvalidRepositoryName");
    t.moat
        .arm()
        .put(
            registry + "/cacheRules/halfwild", V, AcrTestSupport.rule("mcr.microsoft.com/*", "aks"))
        .expectError(400, "InvalidCacheRule");
    t.moat
        .arm()
        .put(registry + "/cacheRules/nosource", V, "{\"properties\":{\"targetRepository\":\"x\"}}")
        .expectError(400, "InvalidRequestContent");
    t.moat
        .arm()
        .put(t.registryPath("rules-rg", "absentacr") + "/cacheRules/orphan", V, rule)
        .expectError(404, "ParentResourceNotFound");
    assertThat(t.get(registry + "/cacheRules").path("value")).isEmpty();
  }

  @Test
  void wildcardOverlapDuplicateTargetsAndStaticOverrides() {
    String registry = t.createRegistry("rules-rg", "overlapacr", "Standard", "{}");
    t.createRule(registry, "aks-managed-mcr", "mcr.microsoft.com/*", "aks-managed-repository/*");

    var nested =
        t.moat
            .arm()
            .put(
                registry + "/cacheRules/nested-rule",
                V,
                AcrTestSupport.rule("mcr.microsoft.com/oss/*", "aks-managed-repository/oss/*"))
            .expectError(409, "WildcardCacheRuleConflict");
    assertThat(nested.errorMessage()).contains("aks-managed-mcr");
    t.moat
        .arm()
        .put(registry + "/cacheRules/everything", V, AcrTestSupport.rule("docker.io/*", "*"))
        .expectError(409, "WildcardCacheRuleConflict");

    // A static rule may sit inside a wildcard rule's namespace, and wins for its repository.
    t.createRule(
        registry, "static-hello", "docker.io/library/hello-world", "aks-managed-repository/hello");
    t.moat
        .arm()
        .put(
            registry + "/cacheRules/dup-target",
            V,
            AcrTestSupport.rule("quay.io/org/hello", "aks-managed-repository/hello"))
        .expectError(409, "TargetRepositoryAlreadyInUse");

    assertThat(t.get(registry + "/cacheRules").path("value")).hasSize(2);
    RegistryRecord record = t.acr.directory().findByHostName("overlapacr.azurecr.io").orElseThrow();
    assertThat(record.upstreamFor("aks-managed-repository/hello").orElseThrow().cacheRuleName())
        .isEqualTo("static-hello");
    assertThat(
            record.upstreamFor("aks-managed-repository/hello").orElseThrow().upstream().reference())
        .isEqualTo("docker.io/library/hello-world");
    assertThat(
            record
                .upstreamFor("aks-managed-repository/hello/world")
                .orElseThrow()
                .upstream()
                .reference())
        .isEqualTo("mcr.microsoft.com/hello/world");
  }

  @Test
  void sourceAndTargetAreCreateOnlyAndOnlyTheCredentialSetPatches() {
    String registry = t.createRegistry("rules-rg", "patchacr1", "Basic", "{}");
    String rule = t.createRule(registry, "hub-nginx", "docker.io/library/nginx", "nginx");
    JsonNode before = t.get(rule);

    var changed =
        t.moat
            .arm()
            .put(rule, V, AcrTestSupport.rule("docker.io/library/nginx", "web/nginx"))
            .expectError(400, "PropertyChangeNotAllowed");
    assertThat(changed.errorMessage()).contains("targetRepository");
    t.moat
        .arm()
        .put(rule, V, AcrTestSupport.rule("docker.io/library/httpd", "nginx"))
        .expectError(400, "PropertyChangeNotAllowed");

    String credentialSet = registry + "/credentialSets/dockerhub";
    t.moat
        .arm()
        .patch(rule, V, "{\"properties\":{\"credentialSetResourceId\":\"" + credentialSet + "\"}}")
        .expectError(400, "CredentialSetNotFound");
    assertThat(t.get(rule)).isEqualTo(before);

    t.moat
        .arm()
        .put(
            credentialSet,
            V,
            "{\"properties\":{\"loginServer\":\"dhi.io\",\"authCredentials\":[]}}")
        .expectError(400, "UpstreamNotSupported");
    t.succeeded(
        t.moat
            .arm()
            .put(
                credentialSet,
                V,
                "{\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"loginServer\":"
                    + "\"docker.io\",\"authCredentials\":[{\"name\":\"Credential1\","
                    + "\"usernameSecretIdentifier\":\"https://kv.vault.azure.net/secrets/u\","
                    + "\"passwordSecretIdentifier\":\"https://kv.vault.azure.net/secrets/p\"}]}}")
            .expectStatus(201));
    JsonNode set = t.get(credentialSet);
    assertThat(set.path("identity").path("principalId").asText()).isNotEmpty();
    assertThat(set.path("properties").path("authCredentials").get(0).path("name").asText())
        .isEqualTo("Credential1");

    t.succeeded(
        t.moat
            .arm()
            .patch(
                rule, V, "{\"properties\":{\"credentialSetResourceId\":\"" + credentialSet + "\"}}")
            .expectStatus(200));
    JsonNode after = t.get(rule).path("properties");
    assertThat(after.path("credentialSetResourceId").asText()).isEqualTo(credentialSet);
    assertThat(after.path("targetRepository").asText()).isEqualTo("nginx");
    t.moat.arm().delete(credentialSet, V).expectError(409, "CredentialSetInUse");
    t.get(credentialSet);

    t.succeeded(t.moat.arm().delete(rule, V).expectStatus(202));
    t.moat.arm().get(rule, V).expectError(404, "ResourceNotFound");
    t.moat.arm().delete(rule, V).expectStatus(204);
    t.succeeded(t.moat.arm().delete(credentialSet, V).expectStatus(202));
    assertThat(t.get(registry + "/credentialSets").path("value")).isEmpty();
  }
}
