package dev.moat.mcr;

import dev.moat.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds valid, deterministic OCI content for an {@link Artifact}: the same artifact gives the same
 * digests on every machine and every run, so caches, benchmarks and tests can name them.
 *
 * <p>Each artifact is one uncompressed tar layer (gzip output depends on the zlib version, so it
 * would not be deterministic across machines) holding one file of pseudo-random bytes seeded by the
 * artifact's reference, plus an image config. Images get an OCI image manifest; OCI artifacts (the
 * kubelet tarball) get an OCI manifest with an {@code artifactType}, as oras pushes them.
 */
public final class SyntheticArtifacts {
  static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String LAYER = "application/vnd.oci.image.layer.v1.tar";
  // [EMU] AKS publishes the kubernetes-node tarball as an oras artifact; its artifactType is not
  // documented, so Moat names it in the oras style.
  static final String NODE_ARTIFACT_TYPE = "application/vnd.aks.kubernetes.node.v1.tar";

  private final long layerBytes;

  /**
   * @param layerBytes the size of each artifact's payload file
   */
  public SyntheticArtifacts(long layerBytes) {
    if (layerBytes < 0 || layerBytes > Integer.MAX_VALUE - 4096) {
      throw new IllegalArgumentException("layer size out of range: " + layerBytes);
    }
    this.layerBytes = layerBytes;
  }

  /** Small payloads (4 KiB): fast bootstraps for tests and everyday use. */
  public static SyntheticArtifacts small() {
    return new SyntheticArtifacts(4 * 1024);
  }

  public SyntheticImage generate(Artifact artifact) {
    byte[] payload = payload(artifact.reference(), (int) layerBytes);
    byte[] layer = DeterministicTar.singleFile(fileName(artifact), payload);
    String layerDigest = digest(layer);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", "amd64");
    config.put("os", "linux");
    config.put(
        "config",
        Map.of(
            "Labels", Map.of("org.opencontainers.image.source", "moat:" + artifact.reference())));
    config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(layerDigest)));
    byte[] configBytes = Json.write(config).getBytes(StandardCharsets.UTF_8);
    String configDigest = digest(configBytes);

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST);
    if (artifact.kind() == Artifact.Kind.OCI_ARTIFACT) {
      manifest.put("artifactType", NODE_ARTIFACT_TYPE);
    }
    manifest.put("config", descriptor(CONFIG, configDigest, configBytes.length));
    manifest.put("layers", List.of(descriptor(LAYER, layerDigest, layer.length)));
    manifest.put("annotations", Map.of("org.opencontainers.image.ref.name", artifact.tag()));
    byte[] manifestBytes = Json.write(manifest).getBytes(StandardCharsets.UTF_8);
    return new SyntheticImage(
        artifact,
        MANIFEST,
        manifestBytes,
        digest(manifestBytes),
        List.of(
            new SyntheticImage.Blob(configDigest, CONFIG, configBytes),
            new SyntheticImage.Blob(layerDigest, LAYER, layer)));
  }

  private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("digest", digest);
    d.put("size", size);
    return d;
  }

  private static String fileName(Artifact artifact) {
    String leaf = artifact.repository().substring(artifact.repository().lastIndexOf('/') + 1);
    return artifact.kind() == Artifact.Kind.OCI_ARTIFACT ? leaf + ".tar" : leaf + ".bin";
  }

  /** Pseudo-random bytes: SHA-256 in counter mode over the reference. */
  static byte[] payload(String seed, int length) {
    byte[] out = new byte[length];
    MessageDigest sha = sha256();
    byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
    int written = 0;
    for (long counter = 0; written < length; counter++) {
      sha.update(seedBytes);
      for (int i = 0; i < 8; i++) {
        sha.update((byte) (counter >>> (8 * i)));
      }
      byte[] block = sha.digest();
      int n = Math.min(block.length, length - written);
      System.arraycopy(block, 0, out, written, n);
      written += n;
    }
    return out;
  }

  static String digest(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
