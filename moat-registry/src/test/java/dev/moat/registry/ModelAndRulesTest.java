package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.Tag;
import dev.moat.registry.proxy.CacheRuleSet;
import dev.moat.registry.proxy.UpstreamRepository;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identifier grammars and ACR cache-rule matching. */
class ModelAndRulesTest {
  @Test
  void identifiersFollowTheOciGrammar() {
    assertThat(RepositoryName.of("aks-managed-repository/oss/kubernetes/pause").value())
        .isEqualTo("aks-managed-repository/oss/kubernetes/pause");
    assertThatThrownBy(() -> RepositoryName.of("Upper"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RepositoryName.of("a//b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RepositoryName.of("a".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tag.of(".hidden")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tag.of("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Digest.parse("sha256:ABC"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Digest.parse("sha512:" + "a".repeat(128)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Reference.parse("v1.2")).isInstanceOf(Reference.ByTag.class);
    assertThat(Reference.parse(Digest.of("x").toString())).isInstanceOf(Reference.ByDigest.class);
  }

  @Test
  void cacheRulesMapTargetToSourceWithStaticRulesWinning() {
    RegistryName acr = RegistryName.of("myacr");
    var rules =
        new CacheRuleSet(
            List.of(
                new CacheRuleSet.Rule(acr, "aks-managed-repository/*", "mcr.microsoft.com/*"),
                new CacheRuleSet.Rule(
                    acr, "aks-managed-repository/special", "registry.k8s.io/pause")));
    assertThat(
            rules.upstreamFor(
                acr, RepositoryName.of("aks-managed-repository/oss/kubernetes/pause")))
        .contains(
            new UpstreamRepository("mcr.microsoft.com", RepositoryName.of("oss/kubernetes/pause")));
    assertThat(rules.upstreamFor(acr, RepositoryName.of("aks-managed-repository/special")))
        .contains(new UpstreamRepository("registry.k8s.io", RepositoryName.of("pause")));
    assertThat(rules.upstreamFor(acr, RepositoryName.of("myapp"))).isEmpty();
    assertThat(
            rules.upstreamFor(
                RegistryName.of("other"), RepositoryName.of("aks-managed-repository/x")))
        .isEmpty();
  }
}
