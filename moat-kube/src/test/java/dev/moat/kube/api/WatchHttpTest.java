package dev.moat.kube.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.kube.store.Kinds;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watches over HTTP: streaming, resume, 410, initial events, field selector errors. */
class WatchHttpTest {
  @TempDir static Path dir;
  private static KubeApiFixture kube;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    kube = new KubeApiFixture(dir);
    http = HttpClient.newBuilder().sslContext(kube.moat.sslContext()).build();
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(kube.moat.endpoint() + "/moat/kube/k1" + path))
        .header("Authorization", "Bearer " + KubeApiFixture.TOKEN)
        .build();
  }

  private static void create(String name) {
    kube.objects()
        .create(
            Kinds.CONFIG_MAPS,
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .addToLabels("w", "yes")
                .endMetadata()
                .build());
  }

  /** Reads lines of a streamed response on a thread. */
  private static List<String> stream(String path) throws Exception {
    HttpResponse<InputStream> r = http.send(get(path), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                // stream closed
              }
            });
    t.setDaemon(true);
    t.start();
    return lines;
  }

  @Test
  void watchFromAListResumesAndEndsAtTimeout() throws Exception {
    long rv = kube.objects().resourceVersion();
    create("before-watch");
    List<String> lines =
        stream(
            "/api/v1/namespaces/default/configmaps?watch=true&labelSelector=w%3Dyes&timeoutSeconds=30&resourceVersion="
                + rv);
    create("during-watch");
    await().atMost(Duration.ofSeconds(60)).until(() -> lines.size() >= 2);
    assertThat(lines.get(0))
        .startsWith("{\"type\":\"ADDED\"")
        .contains("\"name\":\"before-watch\"");
    assertThat(lines.get(1))
        .startsWith("{\"type\":\"ADDED\"")
        .contains("\"name\":\"during-watch\"");
  }

  @Test
  void tooOldResourceVersionIsExpired() throws Exception {
    for (int i = 0; i < 5000; i++) {
      create("churn-" + i);
    }
    HttpResponse<String> r =
        http.send(
            get("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=2"),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(r.body()).contains("\"reason\":\"Expired\"", "too old resource version: 2");
  }

  @Test
  void sendInitialEventsEndsWithAnnotatedBookmark() throws Exception {
    create("initial");
    List<String> lines =
        stream(
            "/api/v1/namespaces/default/configmaps?watch=true&sendInitialEvents=true"
                + "&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&fieldSelector=metadata.name%3Dinitial&timeoutSeconds=30");
    await().atMost(Duration.ofSeconds(60)).until(() -> lines.size() >= 2);
    assertThat(lines.get(0)).contains("\"ADDED\"", "\"initial\"");
    assertThat(lines.get(1)).contains("\"BOOKMARK\"", "\"k8s.io/initial-events-end\":\"true\"");
  }

  @Test
  void unsupportedFieldSelectorIsBadRequest() throws Exception {
    HttpResponse<String> r =
        http.send(
            get("/api/v1/namespaces/default/configmaps?fieldSelector=spec.nodeName%3Dx"),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("field label not supported: spec.nodeName");
  }

  @Test
  void unauthenticatedIsUnauthorized() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(kube.moat.endpoint() + "/moat/kube/k1/api/v1/pods"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
  }
}
