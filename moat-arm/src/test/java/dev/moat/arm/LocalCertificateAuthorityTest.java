package dev.moat.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.tls.LocalCertificateAuthority;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {
  @TempDir Path dir;

  @Test
  void theCaIsCreatedOnceAndReloadedAcrossRestarts() throws Exception {
    LocalCertificateAuthority first =
        LocalCertificateAuthority.loadOrCreate(dir, Clock.systemUTC());
    LocalCertificateAuthority again =
        LocalCertificateAuthority.loadOrCreate(dir, Clock.systemUTC());
    assertThat(again.certificate()).isEqualTo(first.certificate());

    KeyStore store = again.issueKeyStore(List.of("localhost", "127.0.0.1", "*.azurecr.io"));
    X509Certificate leaf = (X509Certificate) store.getCertificateChain("moat")[0];
    leaf.verify(first.certificate().getPublicKey());
    assertThat(leaf.getSubjectAlternativeNames())
        .extracting(san -> (Object) san.get(1))
        .containsExactly((Object) "localhost", "127.0.0.1", "*.azurecr.io");
    assertThat(first.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
  }
}
