package dev.moat.registry;

import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Deterministic test images: config + layers + manifest, built in memory. */
public final class TestImages {
  private TestImages() {}

  /** An image: its blobs (config first) and manifest bytes. */
  public record Image(byte[] config, List<byte[]> layers, byte[] manifest) {
    public Digest manifestDigest() {
      return Digest.of(manifest);
    }

    public Digest configDigest() {
      return Digest.of(config);
    }

    public Digest layerDigest(int i) {
      return Digest.of(layers.get(i));
    }
  }

  public static byte[] random(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  public static Image image(long seed, int... layerSizes) {
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"seed\":" + seed + "}")
            .getBytes(StandardCharsets.UTF_8);
    List<byte[]> layers = new java.util.ArrayList<>();
    StringBuilder ls = new StringBuilder();
    for (int i = 0; i < layerSizes.length; i++) {
      byte[] layer = random(seed * 31 + i, layerSizes[i]);
      layers.add(layer);
      ls.append(i == 0 ? "" : ",")
          .append(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layer));
    }
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaType.OCI_MANIFEST
            + "\",\"config\":"
            + descriptor("application/vnd.oci.image.config.v1+json", config)
            + ",\"layers\":["
            + ls
            + "]}";
    return new Image(config, List.copyOf(layers), manifest.getBytes(StandardCharsets.UTF_8));
  }

  public static String descriptor(String mediaType, byte[] content) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + Digest.of(content)
        + "\",\"size\":"
        + content.length
        + "}";
  }

  /** Pushes every blob and the manifest under {@code tag}. */
  public static Digest push(OciClient client, String repo, String tag, Image image)
      throws Exception {
    client.pushBlob(repo, image.config());
    for (byte[] layer : image.layers()) {
      client.pushBlob(repo, layer);
    }
    return client.pushManifest(repo, tag, MediaType.OCI_MANIFEST, image.manifest());
  }
}
