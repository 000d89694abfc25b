package dev.moat.containerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.containerregistry.model.RepositoryMapping;
import org.junit.jupiter.api.Test;

/** ACR's wildcard semantics for cache rules. */
class RepositoryMappingTest {

  private static String upstream(RepositoryMapping m, String repository) {
    return m.upstreamFor(repository).map(RepositoryMapping.Upstream::reference).orElse(null);
  }

  @Test
  void wildcardRulesMapEverythingBelowTheirPrefix() {
    RepositoryMapping aks =
        new RepositoryMapping("mcr.microsoft.com/*", "aks-managed-repository/*");
    assertThat(upstream(aks, "aks-managed-repository/oss/kubernetes/pause"))
        .isEqualTo("mcr.microsoft.com/oss/kubernetes/pause");
    assertThat(upstream(aks, "aks-managed-repository")).isNull();
    assertThat(upstream(aks, "aks-managed-repositoryx/pause")).isNull();

    RepositoryMapping all = new RepositoryMapping("docker.io/*", "*");
    assertThat(upstream(all, "library/nginx")).isEqualTo("docker.io/library/nginx");

    RepositoryMapping dotnet = new RepositoryMapping("mcr.microsoft.com/dotnet/*", "dotnet/*");
    assertThat(upstream(dotnet, "dotnet/runtime")).isEqualTo("mcr.microsoft.com/dotnet/runtime");
  }

  @Test
  void staticRulesMapOneRepository() {
    RepositoryMapping hello =
        new RepositoryMapping("docker.io/library/hello-world", "cached-docker-hub/hello-world");
    assertThat(upstream(hello, "cached-docker-hub/hello-world"))
        .isEqualTo("docker.io/library/hello-world");
    assertThat(upstream(hello, "cached-docker-hub/hello-world/x")).isNull();
  }

  @Test
  void onlyNestedWildcardTargetsOverlap() {
    RepositoryMapping library = new RepositoryMapping("docker.io/library/*", "library/*");
    assertThat(library.wildcardOverlaps(new RepositoryMapping("docker.io/*", "*"))).isTrue();
    assertThat(library.wildcardOverlaps(new RepositoryMapping("quay.io/x/*", "library/dotnet/*")))
        .isTrue();
    assertThat(library.wildcardOverlaps(new RepositoryMapping("quay.io/x/*", "library/*")))
        .isTrue();
    assertThat(library.wildcardOverlaps(new RepositoryMapping("quay.io/x/*", "librarian/*")))
        .isFalse();
    assertThat(library.wildcardOverlaps(new RepositoryMapping("quay.io/x/y", "library/y")))
        .isFalse();
  }
}
