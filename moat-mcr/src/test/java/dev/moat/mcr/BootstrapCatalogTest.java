package dev.moat.mcr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapCatalogTest {
  private final BootstrapCatalog catalog = BootstrapCatalog.shipped();

  @Test
  void aPatchVersionGetsItsOwnKubeletAndKubeProxy() {
    List<Artifact> artifacts = catalog.forVersion("1.30.3").orElseThrow();
    assertThat(artifacts)
        .contains(
            new Artifact(
                "oss/binaries/kubernetes/kubernetes-node",
                "v1.30.3-linux-amd64",
                Artifact.Kind.OCI_ARTIFACT),
            new Artifact("oss/kubernetes/kube-proxy", "v1.30.3", Artifact.Kind.IMAGE),
            new Artifact("oss/kubernetes/pause", "3.6", Artifact.Kind.IMAGE));
    assertThat(artifacts)
        .extracting(Artifact::repository)
        .contains("containernetworking/azure-cni");
    assertThat(artifacts).doesNotHaveDuplicates();
  }

  @Test
  void lookupKnowsListedTagsAndAnyPatchOfKnownMinors() {
    assertThat(catalog.lookup("oss/kubernetes/pause", "3.6")).isPresent();
    assertThat(catalog.lookup("oss/kubernetes/kube-proxy", "v1.31.2")).isPresent();
    assertThat(catalog.lookup("oss/binaries/kubernetes/kubernetes-node", "v1.30.3-linux-amd64"))
        .hasValueSatisfying(a -> assertThat(a.kind()).isEqualTo(Artifact.Kind.OCI_ARTIFACT));
    assertThat(catalog.lookup("oss/kubernetes/kube-proxy", "v1.29.2")).isEmpty();
    assertThat(catalog.lookup("oss/kubernetes/pause", "9.9")).isEmpty();
    assertThat(catalog.lookup("library/nginx", "latest")).isEmpty();
  }

  @Test
  void unknownMinorsHaveNoArtifacts() {
    assertThat(catalog.forVersion("1.29.9")).isEmpty();
    assertThat(catalog.forVersion("latest")).isEmpty();
    assertThat(catalog.minorVersions()).containsExactly("1.30", "1.31");
  }

  @Test
  void contentIsDeterministicAndSelfConsistent() {
    SyntheticArtifacts gen = SyntheticArtifacts.small();
    Artifact pause = new Artifact("oss/kubernetes/pause", "3.6", Artifact.Kind.IMAGE);
    SyntheticImage a = gen.generate(pause);
    SyntheticImage b = gen.generate(pause);
    assertThat(a.manifestDigest()).isEqualTo(b.manifestDigest());
    assertThat(SyntheticArtifacts.digest(a.manifest())).isEqualTo(a.manifestDigest());
    for (SyntheticImage.Blob blob : a.blobs()) {
      assertThat(SyntheticArtifacts.digest(blob.content())).isEqualTo(blob.digest());
      assertThat(new String(a.manifest(), StandardCharsets.UTF_8)).contains(blob.digest());
    }
    SyntheticImage other =
        gen.generate(new Artifact("oss/kubernetes/pause", "3.7", Artifact.Kind.IMAGE));
    assertThat(other.manifestDigest()).isNotEqualTo(a.manifestDigest());
    assertThat(a.blobs().get(1).content().length % 512).isZero();
  }

  @Test
  void theTarHeaderChecksumIsValid() {
    byte[] tar = DeterministicTar.singleFile("hello.txt", "hi".getBytes(StandardCharsets.US_ASCII));
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (tar[i] & 0xff);
    }
    String stored = new String(tar, 148, 6, StandardCharsets.US_ASCII);
    assertThat(Long.parseLong(stored, 8)).isEqualTo(sum);
    assertThat(tar.length).isEqualTo(512 * 4);
  }
}
