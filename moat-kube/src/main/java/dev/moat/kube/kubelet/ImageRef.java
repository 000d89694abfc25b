package dev.moat.kube.kubelet;

import java.util.Locale;

/**
 * Image references as containerd normalises them ({@code docker.io/library/nginx:latest} for {@code
 * nginx}), which is the name a node records in {@code Node.status.images}, and the pull policy a
 * container gets by default.
 */
public final class ImageRef {
  private ImageRef() {}

  /** {@code reference.ParseNormalizedNamed} + {@code TagNameOnly}. */
  public static String normalize(String image) {
    String s = image.trim();
    int slash = s.indexOf('/');
    String first = slash < 0 ? "" : s.substring(0, slash);
    boolean hasHost =
        slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
    String named;
    if (!hasHost) {
      named = "docker.io/" + (slash < 0 ? "library/" + s : s);
    } else {
      named = s;
    }
    if (named.contains("@")) {
      return named;
    }
    int lastSlash = named.lastIndexOf('/');
    return named.indexOf(':', lastSlash) < 0 ? named + ":latest" : named;
  }

  /** The repository path without host and tag: {@code aks/canipull} for the canipull image. */
  public static String repository(String image) {
    String n = normalize(image);
    String noDigest = n.contains("@") ? n.substring(0, n.indexOf('@')) : n;
    int lastSlash = noDigest.lastIndexOf('/');
    int colon = noDigest.indexOf(':', lastSlash);
    String named = colon < 0 ? noDigest : noDigest.substring(0, colon);
    return named.substring(named.indexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  /** {@code Always} for {@code :latest} or no tag, else {@code IfNotPresent} (apps defaults). */
  public static String defaultPullPolicy(String image) {
    if (image.contains("@")) {
      return "IfNotPresent";
    }
    String last = image.substring(image.lastIndexOf('/') + 1);
    return !last.contains(":") || last.endsWith(":latest") ? "Always" : "IfNotPresent";
  }
}
