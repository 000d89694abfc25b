package dev.moat.arm.http;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.moat.arm.tls.LocalCertificateAuthority;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the listener while a request is still in flight never fails the caller. */
class MoatHttpServerStopTest {
  @TempDir Path dir;

  @Test
  void aStopThatCannotDrainInFlightRequestsDoesNotThrow() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // A graceful handler makes stop wait for in-flight requests, as a busy machine's would.
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            inFlight.countDown();
            release.await(60, TimeUnit.SECONDS);
            callback.succeeded();
            return true;
          }
        });
    LocalCertificateAuthority ca =
        LocalCertificateAuthority.loadOrCreate(dir, java.time.Clock.systemUTC());
    MoatHttpServer server =
        new MoatHttpServer(
            "127.0.0.1", 0, ca.issueKeyStore(java.util.List.of("127.0.0.1")), graceful);
    server.start();
    Thread client =
        new Thread(
            () -> {
              try (Socket s =
                  ca.clientTrust().getSocketFactory().createSocket("127.0.0.1", server.port())) {
                ((SSLSocket) s).startHandshake();
                s.getOutputStream()
                    .write(
                        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                s.getInputStream().read();
              } catch (Exception ignored) {
                // the server goes away under the request; that is the point
              }
            });
    client.setDaemon(true);
    client.start();
    inFlight.await(60, TimeUnit.SECONDS);
    try {
      assertThatCode(server::close).doesNotThrowAnyException();
    } finally {
      release.countDown();
    }
  }
}
