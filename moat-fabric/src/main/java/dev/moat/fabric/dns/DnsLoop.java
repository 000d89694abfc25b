package dev.moat.fabric.dns;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads every DNS view of one fabric shares (issue 11: 50 VNets had cost 102 threads): one
 * selector thread that does all socket I/O of every view, UDP and TCP, without blocking, and a
 * small pool of workers that compute answers (an answer reads the store). The workers' queue is
 * bounded: when it is full a UDP query is dropped (the client retries, as over a lossy network) and
 * a TCP connection is closed.
 *
 * <p>Channels are registered and their interest changed only on the selector thread ({@link
 * #execute}), the rule {@link Selector} sets for registrations racing a blocked {@code select}.
 */
final class DnsLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DnsLoop.class);

  /** Answers queued beyond the busy workers before queries are shed. */
  static final int QUEUE = 256;

  /** How often the selector wakes to close idle TCP connections. */
  private static final long TICK_MILLIS = 1_000;

  /** Something registered with the selector: told when its channel is ready, and ticked. */
  interface Handler {
    void ready(SelectionKey key) throws IOException;

    /** Called about once a second on the selector thread (idle timeouts). */
    default void tick(long nowMillis) {}
  }

  private final Selector selector;
  private final ExecutorService workers;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  DnsLoop(int workerCount) throws IOException {
    this.selector = Selector.open();
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            workerCount,
            workerCount,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "moat-dns-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.thread = new Thread(this::run, "moat-dns-selector");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Runs {@code task} on the selector thread soon. */
  void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Runs {@code work} on a worker; false when the queue is full (the caller sheds the load). */
  boolean submit(Runnable work) {
    try {
      workers.execute(work);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  Selector selector() {
    return selector;
  }

  boolean onLoopThread() {
    return Thread.currentThread() == thread;
  }

  private void run() {
    long lastTick = System.nanoTime();
    while (!closed) {
      try {
        selector.select(TICK_MILLIS);
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
          runQuietly(task);
        }
        var ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          if (key.isValid() && key.attachment() instanceof Handler h) {
            try {
              h.ready(key);
            } catch (IOException | RuntimeException e) {
              LOG.debug("DNS channel failed", e);
              key.cancel();
              closeQuietly(key);
            }
          }
        }
        long now = System.nanoTime();
        if (Duration.ofNanos(now - lastTick).toMillis() >= TICK_MILLIS) {
          lastTick = now;
          long millis = System.currentTimeMillis();
          for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof Handler h) {
              h.tick(millis);
            }
          }
        }
      } catch (ClosedSelectorException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.warn("DNS selector failed; continuing", e);
      }
    }
  }

  private static void runQuietly(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("DNS selector task failed", e);
    }
  }

  private static void closeQuietly(SelectionKey key) {
    try {
      key.channel().close();
    } catch (IOException e) {
      LOG.debug("closing a DNS channel", e);
    }
  }

  /** Stops the selector thread and the workers; closes every channel still registered. */
  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      for (SelectionKey key : selector.keys()) {
        closeQuietly(key);
      }
      selector.close();
    } catch (IOException | ClosedSelectorException e) {
      LOG.debug("closing the DNS selector", e);
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
