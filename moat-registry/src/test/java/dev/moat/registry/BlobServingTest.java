package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.registry.model.Digest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed blobs larger than one send buffer (256 KiB), whole and in ranges that start and end
 * inside buffers: the asynchronous file path must send exactly the bytes asked for.
 */
class BlobServingTest {
  @TempDir Path dir;

  @Test
  void bigBlobsAndRangesAcrossBufferBoundaries() throws Exception {
    var ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
    try (TestRegistry registry = TestRegistry.plain(dir.resolve("reg"), ca, "myacr")) {
      OciClient client = new OciClient(registry.base(), TestRegistry.trusting(ca));
      byte[] blob = TestImages.random(42, 5 * 1024 * 1024 + 3);
      Digest digest = client.pushBlob("big/blob", blob);
      String path = "/v2/big/blob/blobs/" + digest;

      HttpResponse<byte[]> whole = client.get(path);
      assertThat(whole.statusCode()).isEqualTo(200);
      assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(blob.length);
      assertThat(Digest.of(whole.body())).isEqualTo(digest);

      HttpResponse<byte[]> middle = client.get(path, "Range", "bytes=262140-1048580");
      assertThat(middle.statusCode()).isEqualTo(206);
      assertThat(middle.headers().firstValue("Content-Range"))
          .hasValue("bytes 262140-1048580/" + blob.length);
      assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(blob, 262140, 1048581));

      HttpResponse<byte[]> tail = client.get(path, "Range", "bytes=-300000");
      assertThat(tail.statusCode()).isEqualTo(206);
      assertThat(tail.body())
          .isEqualTo(Arrays.copyOfRange(blob, blob.length - 300000, blob.length));

      for (int i = 0; i < 3; i++) {
        // Repeated requests on one connection reuse pooled buffers; the bytes must stay right.
        assertThat(client.pullBlobDigest("big/blob", digest)).isEqualTo(digest);
      }
    }
  }
}
