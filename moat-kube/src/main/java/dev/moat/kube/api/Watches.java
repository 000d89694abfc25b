package dev.moat.kube.api;

import dev.moat.kube.store.Kind;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.KubeJson;
import dev.moat.kube.store.ListOptions;
import dev.moat.kube.store.ObjectList;
import dev.moat.kube.store.Watch;
import dev.moat.kube.store.WatchEvent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Watch streams: {@code {"type":..,"object":..}} per line, flushed per event, until {@code
 * timeoutSeconds} (default 30 minutes, as the apiserver's upper bound) or the client leaves. {@code
 * allowWatchBookmarks} adds a BOOKMARK after each quiet {@link #BOOKMARK_EVERY}; {@code
 * sendInitialEvents=true} streams the current objects as ADDED followed by the bookmark annotated
 * {@code k8s.io/initial-events-end}. With a Table Accept header every object is a one-row Table,
 * only the first carrying column definitions.
 */
final class Watches {
  static final Duration BOOKMARK_EVERY = Duration.ofSeconds(30);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(30);

  private final java.time.Clock clock;

  Watches(java.time.Clock clock) {
    this.clock = clock;
  }

  Answer watch(ApiRequest r, Kind<?> kind, ListOptions selection) {
    Duration timeout =
        r.param("timeoutSeconds")
            .map(s -> Duration.ofSeconds(Long.parseLong(s)))
            .orElse(MAX_TIMEOUT);
    boolean bookmarks = r.flag("allowWatchBookmarks");
    boolean initialEvents = r.flag("sendInitialEvents");
    long from = parseRv(r.param("resourceVersion").orElse(""));
    Watch<?> watch;
    List<? extends HasMetadata> initial = List.of();
    if (initialEvents) {
      if (!bookmarks) {
        throw KubeException.of(
            422,
            "Invalid",
            "ListOptions.meta.k8s.io \"\" is invalid: allowWatchBookmarks: Forbidden:"
                + " allowWatchBookmarks must be set to true when sendInitialEvents is set");
      }
      ObjectList<?> list = r.objects().list(kind, selection.withPage(0, Optional.empty()));
      initial = list.items();
      watch = r.objects().watch(kind, selection, list.resourceVersion());
    } else {
      watch = r.objects().watch(kind, selection, from);
    }
    List<? extends HasMetadata> initialItems = initial;
    boolean table = r.wantsTable();
    return new Answer.Stream(
        "application/json",
        out -> {
          try (Watch<?> w = watch) {
            // Send the headers now, as the apiserver does: client-go's watch call returns only
            // when they arrive, and kubectl rollout status / delete --wait wait on that call.
            out.flush();
            Emitter emitter = new Emitter(out, kind, table, clock);
            for (HasMetadata o : initialItems) {
              emitter.event("ADDED", Resources.tree(kind, o));
            }
            if (initialEvents) {
              emitter.bookmark(w.resourceVersion(), true);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
              long left = deadline - System.nanoTime();
              if (left <= 0) {
                return;
              }
              Duration wait = Duration.ofNanos(Math.min(left, BOOKMARK_EVERY.toNanos()));
              Optional<? extends WatchEvent<?>> event;
              try {
                event = w.next(wait);
              } catch (KubeException e) {
                emitter.error(e);
                return;
              }
              if (event.isPresent()) {
                emitter.event(
                    event.get().type().name(), Resources.tree(kind, event.get().object()));
              } else if (bookmarks && System.nanoTime() < deadline) {
                emitter.bookmark(w.resourceVersion(), false);
              }
            }
          }
        });
  }

  private static long parseRv(String rv) {
    if (rv.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(rv);
    } catch (NumberFormatException e) {
      throw KubeException.badRequest("invalid resource version: " + rv);
    }
  }

  /** Writes events of one stream. */
  private static final class Emitter {
    private final OutputStream out;
    private final Kind<?> kind;
    private final boolean table;
    private final java.time.Clock clock;
    private boolean headersSent;

    Emitter(OutputStream out, Kind<?> kind, boolean table, java.time.Clock clock) {
      this.out = out;
      this.kind = kind;
      this.table = table;
      this.clock = clock;
    }

    void event(String type, ObjectNode object) throws IOException {
      Object body = object;
      if (table) {
        Map<String, Object> t =
            Tables.table(
                kind, List.of(object), Resources.rv(object), clock.instant(), !headersSent);
        headersSent = true;
        body = t;
      }
      line(type, body);
    }

    void bookmark(long rv, boolean initialEnd) throws IOException {
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("resourceVersion", String.valueOf(rv));
      if (initialEnd) {
        meta.put("annotations", Map.of("k8s.io/initial-events-end", "true"));
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("kind", kind.kind());
      o.put("apiVersion", kind.apiVersion());
      o.put("metadata", meta);
      line("BOOKMARK", o);
    }

    void error(KubeException e) throws IOException {
      line("ERROR", e.status());
    }

    private void line(String type, Object object) throws IOException {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("type", type);
      event.put("object", object);
      out.write((KubeJson.write(event) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
