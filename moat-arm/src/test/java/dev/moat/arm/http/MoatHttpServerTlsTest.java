package dev.moat.arm.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.tls.LocalCertificateAuthority;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cipher suite Moat's listener picks when the client offers AES-256-GCM first. */
class MoatHttpServerTlsTest {
  @TempDir Path dir;

  private String negotiate(LocalCertificateAuthority ca, int port, String protocol)
      throws Exception {
    try (SSLSocket socket =
        (SSLSocket) ca.clientTrust().getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setEnabledProtocols(new String[] {protocol});
      // The JDK client's own order: every AES-256-GCM suite ahead of its AES-128 twin.
      List<String> offered = List.of(socket.getEnabledCipherSuites());
      assertThat(offered.indexOf("TLS_AES_256_GCM_SHA384"))
          .isLessThan(offered.indexOf("TLS_AES_128_GCM_SHA256"));
      socket.startHandshake();
      return socket.getSession().getCipherSuite();
    }
  }

  @Test
  void prefersAes128GcmOverTheClientsAes256Preference() throws Exception {
    var ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
    Handler none =
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            return false;
          }
        };
    try (MoatHttpServer server =
        new MoatHttpServer("127.0.0.1", 0, ca.issueKeyStore(List.of("127.0.0.1")), none)) {
      server.start();
      assertThat(negotiate(ca, server.port(), "TLSv1.3")).isEqualTo("TLS_AES_128_GCM_SHA256");
      assertThat(negotiate(ca, server.port(), "TLSv1.2"))
          .startsWith("TLS_ECDHE_")
          .endsWith("_WITH_AES_128_GCM_SHA256");
      int extra = server.openListener(0);
      assertThat(negotiate(ca, extra, "TLSv1.3")).isEqualTo("TLS_AES_128_GCM_SHA256");
    }
  }

  @Test
  void reorderKeepsEverySuite() {
    String[] in = {"A_AES_256_GCM_X", "B_AES_128_GCM_X", "C_CHACHA20", "D_AES_128_GCM_Y"};
    assertThat(MoatHttpServer.FastCipherFirst.aes128First(in))
        .containsExactly("B_AES_128_GCM_X", "D_AES_128_GCM_Y", "A_AES_256_GCM_X", "C_CHACHA20");
  }
}
