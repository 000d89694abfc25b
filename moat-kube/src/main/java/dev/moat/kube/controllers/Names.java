package dev.moat.kube.controllers;

import dev.moat.kube.store.KubeJson;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Names controllers give objects, after {@code k8s.io/apimachinery} {@code rand.SafeEncodeString}
 * and {@code controller.ComputeHash}: the {@code pod-template-hash} of a template and the 5-char
 * suffix of generated pod names, both over the alphabet {@code bcdfghjklmnpqrstvwxz2456789} (no
 * vowels, no look-alikes). Moat cannot reproduce Go's exact hash (workloads.md §6.1): it hashes the
 * canonical JSON of the template with FNV-32a, so the value changes iff the template changes.
 */
public final class Names {
  /** {@code apps/v1 DefaultDeploymentUniqueLabelKey}. */
  public static final String TEMPLATE_HASH = "pod-template-hash";

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private Names() {}

  /**
   * The {@code pod-template-hash} of {@code template}, ignoring any {@code pod-template-hash} label
   * it already carries (as the deployment controller hashes the deployment's own template).
   */
  public static String templateHash(PodTemplateSpec template, Integer collisionCount) {
    String json = KubeJson.write(withoutHashLabel(template));
    int hash = fnv32a(json.getBytes(StandardCharsets.UTF_8));
    if (collisionCount != null && collisionCount > 0) {
      hash = fnv32a(hash, String.valueOf(collisionCount).getBytes(StandardCharsets.UTF_8));
    }
    return safeEncode(Integer.toUnsignedString(hash));
  }

  /** Five random characters of the safe alphabet, the suffix of {@code generateName}. */
  public static String suffix(RandomGenerator random) {
    StringBuilder b = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  /** A generator for {@link #suffix}; secure so that names of two Moats never follow each other. */
  public static RandomGenerator random() {
    return new SecureRandom();
  }

  /** {@code rand.SafeEncodeString}: each character mapped into the alphabet by its code. */
  static String safeEncode(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(ALPHABET.charAt(c % ALPHABET.length()));
    }
    return b.toString();
  }

  static int fnv32a(byte[] data) {
    return fnv32a(0x811c9dc5, data);
  }

  private static int fnv32a(int hash, byte[] data) {
    for (byte d : data) {
      hash ^= d & 0xff;
      hash *= 0x01000193;
    }
    return hash;
  }

  private static PodTemplateSpec withoutHashLabel(PodTemplateSpec template) {
    PodTemplateSpec copy =
        KubeJson.mapper().convertValue(KubeJson.tree(template), PodTemplateSpec.class);
    if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
      copy.getMetadata().getLabels().remove(TEMPLATE_HASH);
    }
    return copy;
  }
}
