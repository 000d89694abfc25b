package dev.moat.platform.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's {@code LISTEN} connection: receives the {@code NOTIFY} messages other processes
 * sharing the database send, and hands them to subscribers on its own thread. Started by the first
 * subscriber. Messages carry the sending process's id so a process skips its own (its local
 * subscribers heard them already, synchronously after commit).
 *
 * <p>When the connection breaks it reconnects with a back-off; messages sent meanwhile are lost
 * (PostgreSQL queues them only for a listening session), which is why the work scan and lease
 * expiry, not messages, guarantee that work gets done.
 */
final class ChangeListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  private static final int WAIT_MILLIS = 500;

  private final PostgresDatabase.Target target;
  private final String channel;
  private final String self = UUID.randomUUID().toString();
  private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private Thread thread;

  /** Open once the first LISTEN is active: from then on no message is missed (unless cut off). */
  private final java.util.concurrent.CountDownLatch listening =
      new java.util.concurrent.CountDownLatch(1);

  /** How long {@link #subscribe} waits for the first LISTEN before going on without it. */
  private static final long LISTEN_WAIT_SECONDS = 30;

  ChangeListener(PostgresDatabase.Target target, String channel) {
    this.target = target;
    this.channel = channel;
  }

  /** The payload to send for {@code message}: this process's id, a newline, the message. */
  String stamp(String message) {
    return self + "\n" + message;
  }

  /**
   * Adds {@code subscriber}; the first call starts listening and returns once the {@code LISTEN} is
   * active, so every message committed after it returns is delivered.
   */
  void subscribe(Consumer<String> subscriber) {
    subscribers.add(subscriber);
    synchronized (this) {
      if (thread == null && !closed) {
        thread = new Thread(this::listen, "moat-db-listen");
        thread.setDaemon(true);
        thread.start();
      }
    }
    try {
      if (!listening.await(LISTEN_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.warn("not yet listening for other replicas' changes; going on (it keeps trying)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void listen() {
    long backOff = 100;
    while (!closed) {
      try (Connection c =
          DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + channel);
        }
        listening.countDown();
        backOff = 100;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
          if (notes == null) {
            continue;
          }
          for (PGNotification n : notes) {
            deliver(n.getParameter());
          }
        }
      } catch (SQLException e) {
        if (closed) {
          return;
        }
        LOG.warn("lost the change notification connection; reconnecting", e);
        try {
          Thread.sleep(backOff); // a back-off between reconnects, not a wait for a condition
        } catch (InterruptedException ie) {
          return;
        }
        backOff = Math.min(5_000, backOff * 2);
      }
    }
  }

  private void deliver(String payload) {
    int newline = payload.indexOf('\n');
    if (newline < 0 || payload.startsWith(self + "\n")) {
      return;
    }
    String message = payload.substring(newline + 1);
    for (Consumer<String> s : subscribers) {
      try {
        s.accept(message);
      } catch (RuntimeException e) {
        LOG.warn("change subscriber failed for {}", message, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
