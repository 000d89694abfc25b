package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.registry.model.Digest;
import dev.moat.registry.storage.BlobCorruptException;
import dev.moat.registry.storage.BlobPaths;
import dev.moat.registry.storage.BlobStore;
import dev.moat.registry.storage.Ingest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content-addressed store: verification before visibility and crash safety. */
class BlobStoreTest {
  @TempDir Path dir;

  private static long count(Path p) throws Exception {
    try (Stream<Path> s = Files.list(p)) {
      return s.count();
    }
  }

  @Test
  void writeVerifiesAndPublishesUnderTheDigest() throws Exception {
    BlobStore store = new BlobStore(dir);
    byte[] bytes = TestImages.random(1, 100_000);
    Digest d = Digest.of(bytes);
    store.write(new ByteArrayInputStream(bytes), d, OptionalLong.of(bytes.length));
    assertThat(store.stat(d)).hasValue(100_000);
    assertThat(new BlobPaths(dir).blob(d))
        .isEqualTo(dir.resolve("blobs/sha256/" + d.hex().substring(0, 2) + "/" + d.hex()));
    try (var in = store.open(d, 99_990)) {
      assertThat(in.readAllBytes()).hasSize(10);
    }
    // Writing the same content again is a no-op, not an error.
    store.write(new ByteArrayInputStream(bytes), d, OptionalLong.empty());
    assertThat(count(new BlobPaths(dir).ingestDir())).isZero();
  }

  @Test
  void mismatchedDigestOrSizeLeavesNothing() throws Exception {
    BlobStore store = new BlobStore(dir);
    byte[] bytes = TestImages.random(2, 1000);
    Digest wrong = Digest.of("other");
    assertThatThrownBy(
            () -> store.write(new ByteArrayInputStream(bytes), wrong, OptionalLong.empty()))
        .isInstanceOf(BlobCorruptException.class);
    assertThatThrownBy(
            () ->
                store.write(
                    new ByteArrayInputStream(bytes), Digest.of(bytes), OptionalLong.of(999)))
        .isInstanceOf(BlobCorruptException.class);
    assertThat(store.stat(wrong)).isEmpty();
    assertThat(store.stat(Digest.of(bytes))).isEmpty();
    assertThat(count(new BlobPaths(dir).ingestDir())).isZero();
  }

  @Test
  void aCrashMidWriteLeavesNoVisibleBlobAndTheLeftoverIsSwept() throws Exception {
    BlobStore store = new BlobStore(dir);
    byte[] bytes = TestImages.random(3, 50_000);
    Digest d = Digest.of(bytes);
    // Simulate a crash: half the bytes written, never committed nor aborted.
    Ingest ingest = store.newIngest();
    ingest.write(bytes, 0, 25_000);
    assertThat(count(new BlobPaths(dir).ingestDir())).isEqualTo(1);
    assertThat(store.stat(d)).isEmpty();
    BlobStore reopened = new BlobStore(dir);
    assertThat(count(new BlobPaths(dir).ingestDir())).isZero();
    assertThat(reopened.stat(d)).isEmpty();
    reopened.write(new ByteArrayInputStream(bytes), d, OptionalLong.of(bytes.length));
    assertThat(reopened.stat(d)).hasValue(50_000);
  }
}
