package dev.moat.nodes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference as written in a pod spec, normalised the way containerd's CRI plugin does
 * ({@code github.com/distribution/reference} {@code ParseDockerRef}): a first component with a
 * {@code .} or {@code :} (or {@code localhost}) is the registry, otherwise {@code docker.io}; a
 * single-component Docker Hub path gets {@code library/}; no tag and no digest means {@code
 * latest}.
 *
 * @param domain the registry as users name it ({@code docker.io}, {@code myacr.azurecr.io})
 * @param path the repository path ({@code library/nginx})
 * @param tag the tag, or null when only a digest was given
 * @param digest {@code sha256:…}, or null
 */
record ImageReference(String domain, String path, String tag, String digest) {
  static final String DOCKER_HUB = "docker.io";

  /** Docker Hub's API host: what containerd dials for {@code docker.io}. */
  static final String DOCKER_HUB_HOST = "registry-1.docker.io";

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final Pattern SPLIT = Pattern.compile("^(.+?)(?::([^:/]+))?(?:@(.+))?$");

  /** Parses {@code image}; empty when it is not a valid reference (kubelet's InvalidImageName). */
  static Optional<ImageReference> parse(String image) {
    if (image == null || image.isEmpty() || image.length() > 255 || image.isBlank()) {
      return Optional.empty();
    }
    Matcher m = SPLIT.matcher(image);
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(1);
    String tag = m.group(2);
    String digest = m.group(3);
    if (tag != null && !TAG.matcher(tag).matches()
        || digest != null && !DIGEST.matcher(digest).matches()) {
      return Optional.empty();
    }
    String domain;
    String remainder;
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
      if (!DOMAIN.matcher(first).matches()) {
        return Optional.empty();
      }
      domain = first.toLowerCase(Locale.ROOT);
      remainder = name.substring(slash + 1);
    } else {
      domain = DOCKER_HUB;
      remainder = name;
    }
    if (domain.equals("index.docker.io")) {
      domain = DOCKER_HUB;
    }
    for (String component : remainder.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        return Optional.empty();
      }
    }
    if (domain.equals(DOCKER_HUB) && !remainder.contains("/")) {
      remainder = "library/" + remainder;
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return Optional.of(new ImageReference(domain, remainder, tag, digest));
  }

  /** The normalised reference containerd prints: {@code docker.io/library/nginx:latest}. */
  String normalized() {
    return domain
        + "/"
        + path
        + (tag == null ? "" : ":" + tag)
        + (digest == null ? "" : "@" + digest);
  }

  /** What the manifest is fetched by: the digest when given, else the tag. */
  String manifestReference() {
    return digest != null ? digest : tag;
  }

  /** The host containerd dials for this registry. */
  String host() {
    return domain.equals(DOCKER_HUB) ? DOCKER_HUB_HOST : domain;
  }

  /** {@code domain/path@digest}: the runtime's image id for a pulled manifest. */
  String imageId(String manifestDigest) {
    return domain + "/" + path + "@" + manifestDigest;
  }
}
