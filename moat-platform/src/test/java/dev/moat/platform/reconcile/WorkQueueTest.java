package dev.moat.platform.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkQueueTest {
  @Test
  void coalescesAddsOfAQueuedKey() throws InterruptedException {
    WorkQueue<String> q = new WorkQueue<>();
    q.add("a");
    q.add("a");
    q.add("b");
    assertThat(q.take()).contains("a");
    assertThat(q.take()).contains("b");
    q.shutDown();
    assertThat(q.take()).isEmpty();
  }

  @Test
  void aKeyAddedWhileProcessingRunsOnceMoreAfterDone() throws InterruptedException {
    WorkQueue<String> q = new WorkQueue<>();
    q.add("a");
    assertThat(q.take()).contains("a");
    q.add("a");
    q.add("a");
    q.add("b");
    // "a" is being processed: it is not handed out again until done.
    assertThat(q.take()).contains("b");
    q.done("a");
    assertThat(q.take()).contains("a");
    q.done("a");
    q.done("b");
    q.shutDown();
    assertThat(q.take()).isEmpty();
  }
}
