package dev.moat.containerservice.validation;

import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes versions the region offers. Patch versions of 1.30 and 1.31 come from the
 * bootstrap artifacts (AgentBaker components.json: kubernetes-node v1.30.13/14, v1.31.10; the
 * seed's 1.30.3); 1.29 is listed as supported but cannot be network isolated (NI8).
 */
public final class KubernetesVersions {
  /** One minor version and its patches, newest last. */
  public record Minor(String version, List<String> patches, boolean isDefault, boolean preview) {}

  static final List<Minor> MINORS =
      List.of(
          new Minor("1.29", List.of("1.29.9", "1.29.15"), false, false),
          new Minor("1.30", List.of("1.30.3", "1.30.13", "1.30.14"), true, false),
          new Minor("1.31", List.of("1.31.7", "1.31.10"), false, false));

  public List<Minor> minors() {
    return MINORS;
  }

  /**
   * The patch a request resolves to: {@code ""}/null → default minor's newest, {@code 1.30} →
   * newest 1.30.
   */
  public Optional<String> resolve(String requested) {
    if (requested == null || requested.isBlank()) {
      return MINORS.stream()
          .filter(Minor::isDefault)
          .findFirst()
          .map(m -> m.patches().get(m.patches().size() - 1));
    }
    for (Minor m : MINORS) {
      if (m.version().equals(requested)) {
        return Optional.of(m.patches().get(m.patches().size() - 1));
      }
      if (m.patches().contains(requested)) {
        return Optional.of(requested);
      }
    }
    return Optional.empty();
  }

  /** Whether a resolved version is 1.30 or later. */
  public static boolean isolatable(String patch) {
    String[] p = patch.split("\\.");
    int major = Integer.parseInt(p[0]);
    int minor = Integer.parseInt(p[1]);
    return major > 1 || minor >= 30;
  }
}
