package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.platform.json.Json;
import dev.moat.registry.TestImages.Image;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI distribution-spec conformance checklist (pull, push, content discovery, content
 * management), configured like the spec's suite: {@code OCI_ROOT_URL}, {@code OCI_NAMESPACE},
 * {@code OCI_CROSSMOUNT_NAMESPACE}, {@code OCI_TEST_PULL}, {@code OCI_TEST_PUSH}, {@code
 * OCI_TEST_CONTENT_DISCOVERY}, {@code OCI_TEST_CONTENT_MANAGEMENT}. Without {@code OCI_ROOT_URL} it
 * runs every workflow against an in-process registry over HTTPS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {
  private TestRegistry registry;
  OciClient client;
  String ns;
  String crossNs;
  private boolean external;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    String root = System.getenv("OCI_ROOT_URL");
    external = root != null && !root.isBlank();
    ns = env("OCI_NAMESPACE", "conformance/ns");
    crossNs = env("OCI_CROSSMOUNT_NAMESPACE", "conformance/other");
    if (external) {
      client = new OciClient(URI.create(root), SSLContext.getDefault());
    } else {
      var ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
      registry = TestRegistry.plain(dir.resolve("reg"), ca, "conformance");
      client = new OciClient(registry.base(), TestRegistry.trusting(ca));
    }
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** In-process: every workflow; external: only the ones switched on, as the spec suite does. */
  void enabled(String variable) {
    String v = System.getenv(variable);
    assumeTrue(!external || "1".equals(v) || "true".equalsIgnoreCase(v), variable + " not set");
  }

  static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  static void assertError(HttpResponse<byte[]> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    if (!"HEAD".equals(r.request().method())) {
      assertThat(json(r).path("errors").get(0).path("code").asText()).isEqualTo(code);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Pull {
    Image image;
    Digest manifest;

    @BeforeAll
    void seed() throws Exception {
      enabled("OCI_TEST_PULL");
      image = TestImages.image(1, 1000, 2000);
      manifest = TestImages.push(client, ns, "pull-tag", image);
    }

    @Test
    void baseEndpointAnswersWithApiVersion() throws Exception {
      HttpResponse<byte[]> r = client.get("/v2/");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Docker-Distribution-Api-Version"))
          .hasValue("registry/2.0");
    }

    @Test
    void manifestByTagAndDigestIsServedByteForByte() throws Exception {
      for (String ref : new String[] {"pull-tag", manifest.toString()}) {
        HttpResponse<byte[]> r = client.get("/v2/" + ns + "/manifests/" + ref);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(image.manifest());
        assertThat(r.headers().firstValue("Docker-Content-Digest")).hasValue(manifest.toString());
        assertThat(r.headers().firstValue("Content-Type")).hasValue(MediaType.OCI_MANIFEST);
        HttpResponse<byte[]> head = client.send("HEAD", "/v2/" + ns + "/manifests/" + ref, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length"))
            .hasValue(image.manifest().length);
      }
    }

    @Test
    void blobHeadAndGet() throws Exception {
      Digest layer = image.layerDigest(1);
      HttpResponse<byte[]> head = client.send("HEAD", "/v2/" + ns + "/blobs/" + layer, null);
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(2000);
      HttpResponse<byte[]> get = client.get("/v2/" + ns + "/blobs/" + layer);
      assertThat(get.body()).isEqualTo(image.layers().get(1));
      assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(layer.toString());
    }

    @Test
    void rangeRequestsReturnPartialContent() throws Exception {
      Digest layer = image.layerDigest(0);
      HttpResponse<byte[]> r = client.get("/v2/" + ns + "/blobs/" + layer, "Range", "bytes=10-19");
      assertThat(r.statusCode()).isEqualTo(206);
      assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 10-19/1000");
      assertThat(r.body()).isEqualTo(Arrays.copyOfRange(image.layers().get(0), 10, 20));
      assertThat(client.get("/v2/" + ns + "/blobs/" + layer, "Range", "bytes=5000-").statusCode())
          .isEqualTo(416);
    }

    @Test
    void missingContentIsNotFoundWithSpecErrors() throws Exception {
      assertError(
          client.get("/v2/" + ns + "/manifests/" + Digest.of("nope")), 404, "MANIFEST_UNKNOWN");
      assertError(client.get("/v2/" + ns + "/manifests/no-such-tag"), 404, "MANIFEST_UNKNOWN");
      assertError(client.get("/v2/" + ns + "/blobs/" + Digest.of("nope")), 404, "BLOB_UNKNOWN");
      assertError(client.get("/v2/" + ns + "/blobs/sha256:xyz"), 400, "DIGEST_INVALID");
      assertError(client.get("/v2/Upper/Case/manifests/x"), 400, "NAME_INVALID");
    }

    @Test
    void blobsAreVisibleOnlyInRepositoriesTheyAreLinkedTo() throws Exception {
      assertError(
          client.get("/v2/" + crossNs + "-isolated/blobs/" + image.layerDigest(0)),
          404,
          "BLOB_UNKNOWN");
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Push {
    @BeforeAll
    void check() {
      enabled("OCI_TEST_PUSH");
    }

    private HttpResponse<byte[]> post(String repo) throws Exception {
      HttpResponse<byte[]> r = client.send("POST", "/v2/" + repo + "/blobs/uploads/", null);
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(r.headers().firstValue("Location")).isPresent();
      return r;
    }

    private String location(HttpResponse<byte[]> r) {
      return r.headers().firstValue("Location").orElseThrow();
    }

    private String withQuery(String location, String query) {
      return location + (location.contains("?") ? "&" : "?") + query;
    }

    @Test
    void postThenPutMonolithic() throws Exception {
      byte[] blob = TestImages.random(10, 5000);
      HttpResponse<byte[]> r =
          client.send("PUT", withQuery(location(post(ns)), "digest=" + Digest.of(blob)), blob);
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(r.headers().firstValue("Location"))
          .hasValue("/v2/" + ns + "/blobs/" + Digest.of(blob));
      assertThat(client.get("/v2/" + ns + "/blobs/" + Digest.of(blob)).body()).isEqualTo(blob);
    }

    @Test
    void postWithDigestIsMonolithic() throws Exception {
      Digest d = client.pushBlob(ns, TestImages.random(11, 100));
      assertThat(client.send("HEAD", "/v2/" + ns + "/blobs/" + d, null).statusCode())
          .isEqualTo(200);
    }

    @Test
    void streamedPatchThenPut() throws Exception {
      byte[] blob = TestImages.random(12, 300_000);
      HttpResponse<byte[]> patch = client.send("PATCH", location(post(ns)), blob);
      assertThat(patch.statusCode()).isEqualTo(202);
      assertThat(patch.headers().firstValue("Range")).hasValue("0-299999");
      HttpResponse<byte[]> put =
          client.send("PUT", withQuery(location(patch), "digest=" + Digest.of(blob)), null);
      assertThat(put.statusCode()).isEqualTo(201);
      assertThat(client.get("/v2/" + ns + "/blobs/" + Digest.of(blob)).body()).isEqualTo(blob);
    }

    @Test
    void chunkedUploadRejectsOutOfOrderChunks() throws Exception {
      byte[] blob = TestImages.random(13, 2000);
      byte[] first = Arrays.copyOfRange(blob, 0, 1000);
      byte[] second = Arrays.copyOfRange(blob, 1000, 2000);
      HttpResponse<byte[]> p1 =
          client.send("PATCH", location(post(ns)), first, "Content-Range", "0-999");
      assertThat(p1.statusCode()).isEqualTo(202);
      // Retrying the first chunk, or skipping ahead, is out of order.
      assertThat(client.send("PATCH", location(p1), first, "Content-Range", "0-999").statusCode())
          .isEqualTo(416);
      assertThat(
              client.send("PATCH", location(p1), second, "Content-Range", "1500-2499").statusCode())
          .isEqualTo(416);
      HttpResponse<byte[]> status = client.get(location(p1));
      assertThat(status.statusCode()).isEqualTo(204);
      assertThat(status.headers().firstValue("Range")).hasValue("0-999");
      HttpResponse<byte[]> p2 =
          client.send("PATCH", location(status), second, "Content-Range", "1000-1999");
      assertThat(p2.statusCode()).isEqualTo(202);
      HttpResponse<byte[]> put =
          client.send("PUT", withQuery(location(p2), "digest=" + Digest.of(blob)), null);
      assertThat(put.statusCode()).isEqualTo(201);
      assertThat(client.get("/v2/" + ns + "/blobs/" + Digest.of(blob)).body()).isEqualTo(blob);
    }

    @Test
    void wrongDigestIsRejectedAndNothingIsStored() throws Exception {
      byte[] blob = TestImages.random(14, 100);
      Digest claimed = Digest.of("something else");
      assertError(
          client.send("POST", "/v2/" + ns + "/blobs/uploads/?digest=" + claimed, blob),
          400,
          "DIGEST_INVALID");
      assertError(client.get("/v2/" + ns + "/blobs/" + claimed), 404, "BLOB_UNKNOWN");
      assertError(client.get("/v2/" + ns + "/blobs/" + Digest.of(blob)), 404, "BLOB_UNKNOWN");
    }

    @Test
    void crossRepositoryMount() throws Exception {
      Digest d = client.pushBlob(ns, TestImages.random(15, 100));
      HttpResponse<byte[]> mount =
          client.send(
              "POST", "/v2/" + crossNs + "/blobs/uploads/?mount=" + d + "&from=" + ns, null);
      assertThat(mount.statusCode()).isEqualTo(201);
      assertThat(mount.headers().firstValue("Location")).hasValue("/v2/" + crossNs + "/blobs/" + d);
      assertThat(client.send("HEAD", "/v2/" + crossNs + "/blobs/" + d, null).statusCode())
          .isEqualTo(200);
      Digest absent = Digest.of("absent");
      HttpResponse<byte[]> fallback =
          client.send(
              "POST", "/v2/" + crossNs + "/blobs/uploads/?mount=" + absent + "&from=" + ns, null);
      assertThat(fallback.statusCode()).isEqualTo(202);
      assertThat(location(fallback)).contains("/blobs/uploads/");
    }

    @Test
    void cancelledUploadIsGone() throws Exception {
      String loc = location(post(ns));
      assertThat(client.send("DELETE", loc, null).statusCode()).isEqualTo(204);
      assertError(client.get(loc), 404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void manifestPushValidatesReferencesJsonAndDigest() throws Exception {
      Image image = TestImages.image(16, 100);
      assertError(
          client.send(
              "PUT",
              "/v2/" + ns + "/manifests/missing-blobs",
              image.manifest(),
              "Content-Type",
              MediaType.OCI_MANIFEST),
          400,
          "MANIFEST_BLOB_UNKNOWN");
      assertError(
          client.send(
              "PUT",
              "/v2/" + ns + "/manifests/bad-json",
              "{not json".getBytes(StandardCharsets.UTF_8),
              "Content-Type",
              MediaType.OCI_MANIFEST),
          400,
          "MANIFEST_INVALID");
      client.pushBlob(ns, image.config());
      client.pushBlob(ns, image.layers().get(0));
      assertError(
          client.send(
              "PUT",
              "/v2/" + ns + "/manifests/" + Digest.of("other"),
              image.manifest(),
              "Content-Type",
              MediaType.OCI_MANIFEST),
          400,
          "DIGEST_INVALID");
      Digest byDigest =
          client.pushManifest(
              ns, image.manifestDigest().toString(), MediaType.OCI_MANIFEST, image.manifest());
      assertThat(byDigest).isEqualTo(image.manifestDigest());
    }

    @Test
    void manifestWithNoLayersAndDockerMediaType() throws Exception {
      byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
      client.pushBlob(ns, config);
      byte[] docker =
          ("{\"schemaVersion\":2,\"mediaType\":\""
                  + MediaType.DOCKER_MANIFEST
                  + "\",\"config\":"
                  + TestImages.descriptor("application/vnd.docker.container.image.v1+json", config)
                  + ",\"layers\":[]}")
              .getBytes(StandardCharsets.UTF_8);
      client.pushManifest(ns, "docker", MediaType.DOCKER_MANIFEST, docker);
      HttpResponse<byte[]> r = client.get("/v2/" + ns + "/manifests/docker");
      assertThat(r.headers().firstValue("Content-Type")).hasValue(MediaType.DOCKER_MANIFEST);
      assertThat(r.body()).isEqualTo(docker);
    }

    @Test
    void indexRequiresItsChildManifests() throws Exception {
      Image child = TestImages.image(17, 10);
      byte[] index =
          ("{\"schemaVersion\":2,\"mediaType\":\""
                  + MediaType.OCI_INDEX
                  + "\",\"manifests\":["
                  + TestImages.descriptor(MediaType.OCI_MANIFEST, child.manifest())
                  + "]}")
              .getBytes(StandardCharsets.UTF_8);
      assertError(
          client.send(
              "PUT", "/v2/" + ns + "/manifests/idx", index, "Content-Type", MediaType.OCI_INDEX),
          400,
          "MANIFEST_BLOB_UNKNOWN");
      TestImages.push(client, ns, "child", child);
      client.pushManifest(ns, "idx", MediaType.OCI_INDEX, index);
      assertThat(client.get("/v2/" + ns + "/manifests/idx").body()).isEqualTo(index);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class ContentDiscovery {
    final String repo = ns + "/discovery";
    Image subject;

    @BeforeAll
    void seed() throws Exception {
      enabled("OCI_TEST_CONTENT_DISCOVERY");
      subject = TestImages.image(20, 10);
      for (String tag : new String[] {"d", "a", "c", "b", "e"}) {
        TestImages.push(client, repo, tag, subject);
      }
    }

    @Test
    void tagsListPaginatesWithLink() throws Exception {
      JsonNode all = json(client.get("/v2/" + repo + "/tags/list"));
      assertThat(all.path("name").asText()).isEqualTo(repo);
      assertThat(all.path("tags").toString()).isEqualTo("[\"a\",\"b\",\"c\",\"d\",\"e\"]");
      HttpResponse<byte[]> first = client.get("/v2/" + repo + "/tags/list?n=2");
      assertThat(json(first).path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
      String link = first.headers().firstValue("Link").orElseThrow();
      assertThat(link).isEqualTo("</v2/" + repo + "/tags/list?last=b&n=2>; rel=\"next\"");
      String next = link.substring(1, link.indexOf('>'));
      assertThat(json(client.get(next)).path("tags").toString()).isEqualTo("[\"c\",\"d\"]");
      assertThat(json(client.get("/v2/" + repo + "/tags/list?n=5&last=d")).path("tags").toString())
          .isEqualTo("[\"e\"]");
    }

    @Test
    void catalogPaginates() throws Exception {
      JsonNode all = json(client.get("/v2/_catalog"));
      assertThat(all.path("repositories").toString()).contains("\"" + repo + "\"");
      HttpResponse<byte[]> one = client.get("/v2/_catalog?n=1");
      assertThat(json(one).path("repositories").size()).isEqualTo(1);
      assertThat(one.headers().firstValue("Link")).isPresent();
    }

    @Test
    void referrersListsManifestsWithTheSubjectAndFilters() throws Exception {
      byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
      client.pushBlob(repo, empty);
      String subjectDescriptor = TestImages.descriptor(MediaType.OCI_MANIFEST, subject.manifest());
      Digest sbom = pushArtifact(empty, subjectDescriptor, "application/vnd.example.sbom");
      Digest sig = pushArtifact(empty, subjectDescriptor, "application/vnd.example.signature");
      JsonNode all = json(client.get("/v2/" + repo + "/referrers/" + subject.manifestDigest()));
      assertThat(all.path("mediaType").asText()).isEqualTo(MediaType.OCI_INDEX);
      assertThat(all.path("manifests").findValuesAsText("digest"))
          .containsExactlyInAnyOrder(sbom.toString(), sig.toString());
      HttpResponse<byte[]> filtered =
          client.get(
              "/v2/"
                  + repo
                  + "/referrers/"
                  + subject.manifestDigest()
                  + "?artifactType=application/vnd.example.sbom");
      assertThat(filtered.headers().firstValue("OCI-Filters-Applied")).hasValue("artifactType");
      assertThat(json(filtered).path("manifests").findValuesAsText("digest"))
          .containsExactly(sbom.toString());
      JsonNode none = json(client.get("/v2/" + repo + "/referrers/" + Digest.of("lonely")));
      assertThat(none.path("manifests").size()).isZero();
    }

    private Digest pushArtifact(byte[] empty, String subjectDescriptor, String artifactType)
        throws Exception {
      byte[] manifest =
          ("{\"schemaVersion\":2,\"mediaType\":\""
                  + MediaType.OCI_MANIFEST
                  + "\",\"artifactType\":\""
                  + artifactType
                  + "\",\"config\":"
                  + TestImages.descriptor(MediaType.OCI_EMPTY, empty)
                  + ",\"layers\":[],\"subject\":"
                  + subjectDescriptor
                  + ",\"annotations\":{\"kind\":\""
                  + artifactType
                  + "\"}}")
              .getBytes(StandardCharsets.UTF_8);
      Digest d = Digest.of(manifest);
      HttpResponse<byte[]> r =
          client.send(
              "PUT",
              "/v2/" + repo + "/manifests/" + d,
              manifest,
              "Content-Type",
              MediaType.OCI_MANIFEST);
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(r.headers().firstValue("OCI-Subject"))
          .hasValue(subject.manifestDigest().toString());
      return d;
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class ContentManagement {
    final String repo = ns + "/management";

    @BeforeAll
    void check() {
      enabled("OCI_TEST_CONTENT_MANAGEMENT");
    }

    @Test
    void deleteTagThenManifestThenBlob() throws Exception {
      Image image = TestImages.image(30, 10);
      Digest manifest = TestImages.push(client, repo, "doomed", image);
      client.pushManifest(repo, "kept", MediaType.OCI_MANIFEST, image.manifest());
      assertThat(client.send("DELETE", "/v2/" + repo + "/manifests/doomed", null).statusCode())
          .isEqualTo(202);
      assertThat(json(client.get("/v2/" + repo + "/tags/list")).path("tags").toString())
          .isEqualTo("[\"kept\"]");
      assertThat(client.get("/v2/" + repo + "/manifests/" + manifest).statusCode()).isEqualTo(200);
      assertThat(client.send("DELETE", "/v2/" + repo + "/manifests/" + manifest, null).statusCode())
          .isEqualTo(202);
      assertError(client.get("/v2/" + repo + "/manifests/" + manifest), 404, "MANIFEST_UNKNOWN");
      assertError(client.get("/v2/" + repo + "/manifests/kept"), 404, "MANIFEST_UNKNOWN");
      assertThat(json(client.get("/v2/" + repo + "/tags/list")).path("tags").size()).isZero();
      Digest layer = image.layerDigest(0);
      assertThat(client.send("DELETE", "/v2/" + repo + "/blobs/" + layer, null).statusCode())
          .isEqualTo(202);
      assertError(client.get("/v2/" + repo + "/blobs/" + layer), 404, "BLOB_UNKNOWN");
      assertError(
          client.send("DELETE", "/v2/" + repo + "/blobs/" + layer, null), 404, "BLOB_UNKNOWN");
    }

    @Test
    void unknownRepositoryHasNoTags() throws Exception {
      assertError(client.get("/v2/" + repo + "/never/tags/list"), 404, "NAME_UNKNOWN");
    }
  }
}
