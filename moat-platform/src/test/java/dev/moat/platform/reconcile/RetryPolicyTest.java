package dev.moat.platform.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void backsOffExponentiallyUpToTheCap() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(p.delayBefore(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.delayBefore(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.delayBefore(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delayBefore(60)).isEqualTo(Duration.ofSeconds(1));
  }
}
