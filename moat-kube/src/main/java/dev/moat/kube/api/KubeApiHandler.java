package dev.moat.kube.api;

import dev.moat.kube.KubeCluster;
import dev.moat.kube.KubeClusters;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.component.Graceful;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes API of every cluster, as a Jetty handler for {@code /moat/kube/{key}/...} (kubectl
 * accepts a path in the server URL). Authenticates the bearer token through {@link KubeClusters},
 * routes, and maps every {@link KubeException} to its {@code Status} body in one place; anything
 * else becomes a bare 500 {@code InternalError} without detail. Watches and followed logs are
 * streamed on the request thread (blocking writes, flushed per event).
 */
public final class KubeApiHandler extends Handler.Abstract implements Graceful {
  public static final String PREFIX = "/moat/kube/";
  private static final Logger LOG = LoggerFactory.getLogger(KubeApiHandler.class);
  private static final int MAX_BODY = 3 * 1024 * 1024;

  private final KubeClusters clusters;
  private final KubeStore store;
  private final Clock clock;
  private final Routes routes;
  private final java.util.Set<Thread> streaming =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean shutdown;

  public KubeApiHandler(KubeClusters clusters, KubeStore store, Clock clock) {
    super(InvocationType.BLOCKING);
    this.clusters = clusters;
    this.store = store;
    this.clock = clock;
    this.routes = new Routes(clock);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getDecodedPath();
    if (path == null || !path.startsWith(PREFIX)) {
      return false;
    }
    Answer answer;
    try {
      answer = answer(request, path);
    } catch (KubeException e) {
      answer = ApiResponse.error(e);
    } catch (RuntimeException | IOException e) {
      LOG.warn("kube api failed on {} {}", request.getMethod(), path, e);
      answer =
          ApiResponse.error(
              KubeException.of(
                  500,
                  "InternalError",
                  "an error on the server has prevented the request from succeeding"));
    }
    try {
      write(request, response, callback, answer);
    } catch (RuntimeException | IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      callback.failed(e);
    }
    return true;
  }

  /**
   * Ends open watches and log follows (their threads are interrupted), so the server's graceful
   * stop does not wait for streams that would only end at their timeout.
   */
  @Override
  public java.util.concurrent.CompletableFuture<Void> shutdown() {
    shutdown = true;
    streaming.forEach(Thread::interrupt);
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  private Answer answer(Request request, String path) throws IOException {
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String key = slash < 0 ? rest : rest.substring(0, slash);
    String sub = slash < 0 ? "/" : rest.substring(slash);
    if (sub.length() > 1 && sub.endsWith("/")) {
      sub = sub.substring(0, sub.length() - 1);
    }
    String auth = Optional.ofNullable(request.getHeaders().get("Authorization")).orElse("");
    String token = auth.startsWith("Bearer ") ? auth.substring(7).trim() : "";
    Optional<KubeCluster> cluster = clusters.find(key, token);
    if (cluster.isEmpty()) {
      throw KubeException.of(401, "Unauthorized", "Unauthorized");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField f : request.getHeaders()) {
      headers.merge(f.getLowerCaseName(), f.getValue(), (a, b) -> a + ", " + b);
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Fields.Field f : Request.extractQueryParameters(request)) {
      query.put(f.getName(), new ArrayList<>(f.getValues()));
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      throw KubeException.of(
          413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");
    }
    ApiRequest r =
        new ApiRequest(
            request.getMethod().toUpperCase(Locale.ROOT),
            sub,
            query,
            headers,
            body,
            store.cluster(key),
            cluster.get().gitVersion(),
            clock.instant());
    return routes.route(r);
  }

  private void write(Request request, Response response, Callback callback, Answer answer)
      throws IOException, InterruptedException {
    if (answer instanceof ApiResponse a) {
      response.setStatus(a.status());
      response.getHeaders().put("Content-Type", a.contentType());
      response.getHeaders().put("Content-Length", String.valueOf(a.body().length));
      response.getHeaders().put("Cache-Control", "no-cache, private");
      response.write(true, ByteBuffer.wrap(a.body()), callback);
      return;
    }
    Answer.Stream s = (Answer.Stream) answer;
    response.setStatus(200);
    response.getHeaders().put("Content-Type", s.contentType());
    response.getHeaders().put("Cache-Control", "no-cache, private");
    streaming.add(Thread.currentThread());
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      if (!shutdown) {
        s.body().write(out);
      }
    } catch (IOException e) {
      // The client left; nothing more to say.
      LOG.debug("kube stream ended: {}", e.getMessage());
    } finally {
      streaming.remove(Thread.currentThread());
      Thread.interrupted(); // clear a shutdown interrupt before handing the thread back
    }
    callback.succeeded();
  }
}
