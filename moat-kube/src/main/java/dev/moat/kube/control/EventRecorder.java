package dev.moat.kube.control;

import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes core/v1 Events as client-go's recorder does, with its aggregation: an event identical to
 * an earlier one (same object, type, reason, message, source) updates that event's {@code count}
 * and {@code lastTimestamp} instead of adding a row, which {@code kubectl describe} prints as
 * {@code 4m (x5 over 10m)}. The event name is derived from that identity ({@code <object>.<hex>}),
 * so aggregation also continues across a restart.
 */
public final class EventRecorder {
  private static final Logger LOG = Logger.getLogger(EventRecorder.class.getName());

  private final ClusterObjects objects;
  private final Clock clock;

  public EventRecorder(ClusterObjects objects, Clock clock) {
    this.objects = objects;
    this.clock = clock;
  }

  /** Who reports: {@code kubelet} with its node, {@code default-scheduler}, a controller. */
  public record Source(String component, String host) {
    public static Source of(String component) {
      return new Source(component, null);
    }
  }

  public void normal(HasMetadata on, String fieldPath, Source source, String reason, String msg) {
    record(on, fieldPath, source, "Normal", reason, msg);
  }

  public void warning(HasMetadata on, String fieldPath, Source source, String reason, String msg) {
    record(on, fieldPath, source, "Warning", reason, msg);
  }

  /** One event to record with {@link #recordAll}: {@code type} is Normal or Warning. */
  public record Note(HasMetadata on, String fieldPath, String type, String reason, String message) {
    public static Note normal(HasMetadata on, String fieldPath, String reason, String message) {
      return new Note(on, fieldPath, "Normal", reason, message);
    }
  }

  /**
   * Records events from one source in order, the new ones in one write transaction (a controller
   * that created N pods, a scheduler that bound N, a kubelet's sync of a pod); any already recorded
   * aggregate one by one.
   */
  public void recordAll(Source source, List<Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    List<Event> batch = new ArrayList<>();
    for (Note n : notes) {
      HasMetadata on = n.on();
      String ns =
          on.getMetadata().getNamespace() == null ? "default" : on.getMetadata().getNamespace();
      String name =
          on.getMetadata().getName()
              + "."
              + id(on, n.fieldPath(), source, n.type(), n.reason(), n.message());
      batch.add(event(on, n.fieldPath(), source, n.type(), n.reason(), n.message(), ns, name, now));
    }
    try {
      List<ClusterObjects.Created<Event>> results = objects.createAll(Kinds.EVENTS, batch);
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).object() == null) {
          Note n = notes.get(i); // taken (aggregate it) or refused (record logs why)
          record(n.on(), n.fieldPath(), source, n.type(), n.reason(), n.message());
        }
      }
    } catch (KubeException e) {
      LOG.log(Level.FINE, "events not recorded: " + e.getMessage());
    }
  }

  /** Records (or aggregates) one event; a failure to record is logged, never thrown. */
  public void record(
      HasMetadata on, String fieldPath, Source source, String type, String reason, String msg) {
    String ns =
        on.getMetadata().getNamespace() == null ? "default" : on.getMetadata().getNamespace();
    String name = on.getMetadata().getName() + "." + id(on, fieldPath, source, type, reason, msg);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    try {
      // Most events are new: try the insert first, and aggregate only when the name is taken
      // (one write either way, instead of a read before every event).
      objects.create(Kinds.EVENTS, event(on, fieldPath, source, type, reason, msg, ns, name, now));
    } catch (KubeException e) {
      if (e.code() != 409) {
        LOG.log(Level.FINE, "event " + reason + " not recorded: " + e.getMessage());
        return;
      }
      try {
        boolean updated =
            objects
                .modify(
                    Kinds.EVENTS,
                    ns,
                    name,
                    false,
                    x -> {
                      x.setCount(x.getCount() == null ? 2 : x.getCount() + 1);
                      x.setLastTimestamp(now);
                      return x;
                    })
                .isPresent();
        if (!updated) {
          record(on, fieldPath, source, type, reason, msg); // deleted meanwhile: insert again
        }
      } catch (KubeException again) {
        LOG.log(Level.FINE, "event " + reason + " not recorded: " + again.getMessage());
      }
    }
  }

  private static Event event(
      HasMetadata on,
      String fieldPath,
      Source source,
      String type,
      String reason,
      String msg,
      String ns,
      String name,
      String now) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(on.getApiVersion())
        .withKind(on.getKind())
        .withNamespace(on.getMetadata().getNamespace())
        .withName(on.getMetadata().getName())
        .withUid(on.getMetadata().getUid())
        .withResourceVersion(on.getMetadata().getResourceVersion())
        .withFieldPath(fieldPath)
        .endInvolvedObject()
        .withReason(reason)
        .withMessage(msg)
        .withType(type)
        .withNewSource()
        .withComponent(source.component())
        .withHost(source.host())
        .endSource()
        .withReportingComponent(source.component())
        .withReportingInstance(source.host() == null ? "" : source.host())
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .build();
  }

  /** The identity of an event for aggregation, as 16 hex digits. */
  private static String id(
      HasMetadata on, String fieldPath, Source s, String type, String reason, String msg) {
    String k =
        String.join(
            "\u0000",
            String.valueOf(on.getMetadata().getUid()),
            String.valueOf(fieldPath),
            s.component(),
            String.valueOf(s.host()),
            type,
            reason,
            msg);
    byte[] b = k.getBytes(StandardCharsets.UTF_8);
    long h = 0xcbf29ce484222325L;
    for (byte x : b) {
      h ^= x & 0xff;
      h *= 0x100000001b3L;
    }
    return HexFormat.of().toHexDigits(h);
  }

  /** The instant an event was last seen, for restoring back-off windows after a restart. */
  public static Instant last(Event e) {
    String t = e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getFirstTimestamp();
    return t == null ? Instant.EPOCH : Instant.parse(t);
  }
}
