package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.platform.json.Json;
import dev.moat.platform.time.MutableClock;
import dev.moat.registry.TestImages.Image;
import dev.moat.registry.api.AccessPolicy;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.proxy.CacheRuleSet;
import dev.moat.registry.proxy.CacheStatistics;
import dev.moat.registry.proxy.HttpUpstreamRegistry;
import dev.moat.registry.proxy.ProxySettings;
import dev.moat.registry.proxy.UpstreamEndpoints;
import dev.moat.registry.storage.BlobPaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-through cache against a real upstream: a second registry engine served over HTTPS as
 * "mcr.microsoft.com", reached through {@link HttpUpstreamRegistry} and the ACR rule {@code
 * aks-managed-repository/* → mcr.microsoft.com/*}.
 */
class PullThroughTest {
  private static final String UPSTREAM_REPO = "oss/kubernetes/pause";
  private static final String CACHED_REPO = "aks-managed-repository/oss/kubernetes/pause";
  private static final ProxySettings SETTINGS =
      new ProxySettings(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private TestRegistry upstream;
  private TestRegistry acr;
  private InstrumentedUpstream upstreamCalls;
  private OciClient toUpstream;
  private OciClient toAcr;

  @BeforeEach
  void start() throws Exception {
    var ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
    var tls = TestRegistry.trusting(ca);
    upstream = TestRegistry.plain(dir.resolve("mcr"), ca, "mcr.microsoft.com");
    upstreamCalls =
        new InstrumentedUpstream(
            new HttpUpstreamRegistry(
                tls,
                UpstreamEndpoints.loopback(upstream.base(), false),
                clock,
                Duration.ofSeconds(10)));
    RegistryName myacr = RegistryName.of("myacr");
    var rules =
        new CacheRuleSet(
            List.of(
                new CacheRuleSet.Rule(myacr, "aks-managed-repository/*", "mcr.microsoft.com/*")));
    acr =
        new TestRegistry(
            dir.resolve("acr"),
            ca,
            clock,
            myacr,
            rules,
            upstreamCalls,
            SETTINGS,
            AccessPolicy.allowAll());
    toUpstream = new OciClient(upstream.base(), tls);
    toAcr = new OciClient(acr.base(), tls);
  }

  @AfterEach
  void stop() {
    acr.close();
    upstream.close();
  }

  private Path cachedBlob(Digest d) {
    return new BlobPaths(acr.dir.resolve("registry")).blob(d);
  }

  private long ingestFiles() throws IOException {
    try (Stream<Path> s = Files.list(new BlobPaths(acr.dir.resolve("registry")).ingestDir())) {
      return s.count();
    }
  }

  private CacheStatistics stats() {
    return acr.engine.statistics(acr.name);
  }

  @Test
  void twentyConcurrentColdPullsFetchEachBlobOnce() throws Exception {
    Image image = TestImages.image(42, 64 << 20, 4096);
    TestImages.push(toUpstream, UPSTREAM_REPO, "3.9", image);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Digest>>> pulls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        pulls.add(
            pool.submit(
                () -> {
                  go.await();
                  HttpResponse<byte[]> m = toAcr.get("/v2/" + CACHED_REPO + "/manifests/3.9");
                  assertThat(m.statusCode()).isEqualTo(200);
                  JsonNode manifest = Json.mapper().readTree(m.body());
                  List<Digest> got = new ArrayList<>();
                  got.add(Digest.of(m.body()));
                  got.add(
                      toAcr.pullBlobDigest(
                          CACHED_REPO,
                          Digest.parse(manifest.path("config").path("digest").asText())));
                  for (JsonNode l : manifest.path("layers")) {
                    got.add(
                        toAcr.pullBlobDigest(CACHED_REPO, Digest.parse(l.path("digest").asText())));
                  }
                  return got;
                }));
      }
      go.countDown();
      List<Digest> expected =
          List.of(
              image.manifestDigest(),
              image.configDigest(),
              image.layerDigest(0),
              image.layerDigest(1));
      for (Future<List<Digest>> f : pulls) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(upstreamCalls.manifestFetches.get()).isEqualTo(1);
    for (Digest d : Set.of(image.configDigest(), image.layerDigest(0), image.layerDigest(1))) {
      assertThat(upstreamCalls.fetchesOf(d)).as("upstream fetches of " + d).isEqualTo(1);
    }
    CacheStatistics s = stats();
    assertThat(s.blobFetches()).isEqualTo(3);
    assertThat(s.manifestFetches()).isEqualTo(1);
    assertThat(s.bytesFetched()).isEqualTo((64L << 20) + 4096 + image.config().length);
    assertThat(s.cacheHits() + s.coalesced()).isGreaterThanOrEqualTo(19L * 4);
    assertThat(ingestFiles()).isZero();
  }

  @Test
  void corruptUpstreamBlobIsNeverServedWholeNorCached() throws Exception {
    Image image = TestImages.image(7, 3 << 20);
    TestImages.push(toUpstream, UPSTREAM_REPO, "bad", image);
    Digest layer = image.layerDigest(0);
    upstreamCalls.corrupt = true;
    long received = 0;
    boolean failed = false;
    HttpResponse<InputStream> r = toAcr.stream("/v2/" + CACHED_REPO + "/blobs/" + layer);
    if (r.statusCode() != 200) {
      failed = true;
    } else {
      try (InputStream in = r.body()) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received += n;
        }
      } catch (IOException e) {
        failed = true;
      }
    }
    assertThat(failed || received < image.layers().get(0).length)
        .as("a corrupt upstream must never produce a complete body (got %d bytes)", received)
        .isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> ingestFiles() == 0);
    assertThat(cachedBlob(layer)).doesNotExist();
    upstreamCalls.corrupt = false;
    assertThat(toAcr.pullBlobDigest(CACHED_REPO, layer)).isEqualTo(layer);
    assertThat(upstreamCalls.fetchesOf(layer)).isEqualTo(2);
    assertThat(cachedBlob(layer)).exists();
  }

  @Test
  void cacheFillsEvenWhenTheClientDisconnects() throws Exception {
    Image image = TestImages.image(8, 8 << 20);
    TestImages.push(toUpstream, UPSTREAM_REPO, "v1", image);
    Digest layer = image.layerDigest(0);
    CountDownLatch gate = new CountDownLatch(1);
    upstreamCalls.gate = gate;
    HttpResponse<InputStream> r = toAcr.stream("/v2/" + CACHED_REPO + "/blobs/" + layer);
    assertThat(r.statusCode()).isEqualTo(200);
    try (InputStream in = r.body()) {
      assertThat(in.readNBytes(100_000)).hasSize(100_000);
    }
    gate.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(cachedBlob(layer)));
    upstreamCalls.gate = null;
    assertThat(toAcr.pullBlobDigest(CACHED_REPO, layer)).isEqualTo(layer);
    assertThat(upstreamCalls.fetchesOf(layer)).isEqualTo(1);
  }

  @Test
  void cachedContentIsServedWhenTheUpstreamIsDown() throws Exception {
    Image image = TestImages.image(9, 1000);
    Digest manifest = TestImages.push(toUpstream, UPSTREAM_REPO, "3.9", image);
    assertThat(toAcr.get("/v2/" + CACHED_REPO + "/manifests/3.9").statusCode()).isEqualTo(200);
    toAcr.pullBlobDigest(CACHED_REPO, image.layerDigest(0));
    toAcr.pullBlobDigest(CACHED_REPO, image.configDigest());
    upstream.stopServer();
    clock.advance(Duration.ofMinutes(5)); // the tag is stale: its re-check fails, cache answers
    HttpResponse<byte[]> byTag = toAcr.get("/v2/" + CACHED_REPO + "/manifests/3.9");
    assertThat(byTag.statusCode()).isEqualTo(200);
    assertThat(byTag.body()).isEqualTo(image.manifest());
    assertThat(upstreamCalls.manifestHeads.get()).isEqualTo(1);
    assertThat(toAcr.get("/v2/" + CACHED_REPO + "/manifests/" + manifest).body())
        .isEqualTo(image.manifest());
    assertThat(toAcr.pullBlobDigest(CACHED_REPO, image.layerDigest(0)))
        .isEqualTo(image.layerDigest(0));
    HttpResponse<byte[]> uncached = toAcr.get("/v2/" + CACHED_REPO + "/manifests/other");
    assertThat(uncached.statusCode()).isEqualTo(502);
  }

  @Test
  void knowingADigestStoredForAnotherRepositoryDoesNotMakeItReadableThroughTheCache()
      throws Exception {
    byte[] secret = "bytes pushed to a private repository".getBytes(StandardCharsets.UTF_8);
    Digest digest = toAcr.pushBlob("private/app", secret);
    assertThat(toAcr.get("/v2/private/app/blobs/" + digest).statusCode()).isEqualTo(200);

    // The upstream has no such blob in the cached repository: the stored bytes stay unreachable.
    assertThat(toAcr.get("/v2/" + CACHED_REPO + "/blobs/" + digest).statusCode()).isEqualTo(404);
    assertThat(upstreamCalls.fetchesOf(digest)).isZero();
  }

  @Test
  void upstreamNotFoundIsCachedBriefly() throws Exception {
    String path = "/v2/" + CACHED_REPO + "/manifests/missing";
    assertThat(toAcr.get(path).statusCode()).isEqualTo(404);
    assertThat(toAcr.get(path).statusCode()).isEqualTo(404);
    assertThat(upstreamCalls.manifestFetches.get()).isEqualTo(1);
    assertThat(stats().notFoundHits()).isEqualTo(1);
    Digest missing = Digest.of("missing blob");
    assertThat(toAcr.get("/v2/" + CACHED_REPO + "/blobs/" + missing).statusCode()).isEqualTo(404);
    assertThat(toAcr.get("/v2/" + CACHED_REPO + "/blobs/" + missing).statusCode()).isEqualTo(404);
    assertThat(upstreamCalls.fetchesOf(missing)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(31));
    assertThat(toAcr.get(path).statusCode()).isEqualTo(404);
    assertThat(upstreamCalls.manifestFetches.get()).isEqualTo(2);
  }

  @Test
  void tagsAreRecheckedUpstreamAfterTheirTtl() throws Exception {
    Image first = TestImages.image(10, 100);
    Image second = TestImages.image(11, 100);
    TestImages.push(toUpstream, UPSTREAM_REPO, "latest", first);
    String path = "/v2/" + CACHED_REPO + "/manifests/latest";
    assertThat(toAcr.get(path).body()).isEqualTo(first.manifest());
    TestImages.push(toUpstream, UPSTREAM_REPO, "latest", second);
    assertThat(toAcr.get(path).body()).isEqualTo(first.manifest());
    assertThat(upstreamCalls.manifestHeads.get()).isZero();
    clock.advance(Duration.ofMinutes(2));
    HttpResponse<byte[]> moved = toAcr.get(path);
    assertThat(moved.body()).isEqualTo(second.manifest());
    assertThat(moved.headers().firstValue("Docker-Content-Digest"))
        .hasValue(second.manifestDigest().toString());
    assertThat(upstreamCalls.manifestHeads.get()).isEqualTo(1);
    assertThat(upstreamCalls.manifestFetches.get()).isEqualTo(2);
  }

  @Test
  void headOfAnUncachedBlobAsksTheUpstream() throws Exception {
    Image image = TestImages.image(12, 777);
    TestImages.push(toUpstream, UPSTREAM_REPO, "v", image);
    HttpResponse<byte[]> head =
        toAcr.send("HEAD", "/v2/" + CACHED_REPO + "/blobs/" + image.layerDigest(0), null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(777);
    assertThat(upstreamCalls.fetchesOf(image.layerDigest(0))).isZero();
  }

  @Test
  void writesToACacheRepositoryAreUnsupported() throws Exception {
    HttpResponse<byte[]> post = toAcr.send("POST", "/v2/" + CACHED_REPO + "/blobs/uploads/", null);
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(Json.mapper().readTree(post.body()).path("errors").get(0).path("code").asText())
        .isEqualTo("UNSUPPORTED");
    HttpResponse<byte[]> put =
        toAcr.send(
            "PUT",
            "/v2/" + CACHED_REPO + "/manifests/x",
            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "Content-Type",
            MediaType.OCI_MANIFEST);
    assertThat(put.statusCode()).isEqualTo(405);
    // Ordinary repositories of the same registry still take pushes.
    toAcr.pushBlob("myapp", new byte[] {1, 2, 3});
  }

  @Test
  void pullsByDigestArePreservedExactlyAcrossTheMapping() throws Exception {
    Image image = TestImages.image(13, 100);
    Digest manifest = TestImages.push(toUpstream, UPSTREAM_REPO, "d", image);
    HttpResponse<byte[]> r = toAcr.get("/v2/" + CACHED_REPO + "/manifests/" + manifest);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Docker-Content-Digest")).hasValue(manifest.toString());
    assertThat(r.headers().firstValue("Content-Type")).hasValue(MediaType.OCI_MANIFEST);
    assertThat(r.body()).isEqualTo(image.manifest());
  }
}
