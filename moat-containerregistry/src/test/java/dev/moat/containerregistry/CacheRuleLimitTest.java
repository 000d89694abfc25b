package dev.moat.containerregistry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.containerregistry.model.CacheRule;
import dev.moat.containerregistry.model.Provisioning;
import dev.moat.containerregistry.model.ProvisioningState;
import dev.moat.containerregistry.model.RepositoryMapping;
import dev.moat.containerregistry.validation.CacheRuleRules;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The 1,000-rules-per-registry limit (troubleshoot-artifact-cache.md). */
class CacheRuleLimitTest {
  private static final ResourceId REGISTRY =
      ResourceId.parse(
          "/subscriptions/s/resourceGroups/g/providers/Microsoft.ContainerRegistry/registries/r1");

  private static List<CacheRule> rules(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new CacheRule(
                    REGISTRY.child("cacheRules", "rule-" + i),
                    "docker.io/library/app" + i,
                    "app" + i,
                    null,
                    Instant.EPOCH,
                    Provisioning.of(ProvisioningState.Succeeded, Instant.EPOCH)))
        .toList();
  }

  @Test
  void theThousandthRuleIsAcceptedAndTheNextRefused() {
    RepositoryMapping next = new RepositoryMapping("docker.io/library/next", "next");
    assertThatCode(() -> CacheRuleRules.checkAgainst("r1", next, rules(999), true))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CacheRuleRules.checkAgainst("r1", next, rules(1000), true))
        .isInstanceOfSatisfying(
            ArmException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.error().code())
                    .isEqualTo("CacheRuleQuotaExceeded"));
  }
}
