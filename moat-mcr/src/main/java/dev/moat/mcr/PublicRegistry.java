package dev.moat.mcr;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A public registry Moat stands in for: its name as image references use it, the host names that
 * serve it, and the content it is seeded with (made on first request, deterministically).
 *
 * <p>Seeds are small synthetic images with the real names of common images, so a pod spec such as
 * {@code image: nginx} has something real to pull; anything pushed to a stand-in's host endpoint is
 * served as pushed.
 *
 * @param name the registry's name in image references: {@code docker.io}, {@code ghcr.io}
 * @param hosts every host name that serves it; the first is the API host clients dial ({@code
 *     registry-1.docker.io} for Docker Hub)
 * @param content what it is seeded with: {@code (repository, tag)} → artifact
 */
public record PublicRegistry(
    String name, List<String> hosts, BiFunction<String, String, Optional<Artifact>> content) {

  public PublicRegistry {
    hosts = List.copyOf(hosts);
  }

  /** The MCR stand-in: AKS's bootstrap artifacts and the {@code aks/canipull} image. */
  public static PublicRegistry mcr(BootstrapCatalog catalog) {
    List<Artifact> extra = List.of(image("aks/canipull", "v0.1.0"));
    return new PublicRegistry(
        "mcr.microsoft.com",
        List.of("mcr.microsoft.com"),
        (repository, tag) ->
            catalog.lookup(repository, tag).or(() -> find(extra, repository, tag)));
  }

  /** Docker Hub ({@code docker.io}, served at {@code registry-1.docker.io}). */
  public static PublicRegistry dockerHub() {
    return seeded(
        "docker.io",
        List.of("registry-1.docker.io", "docker.io", "index.docker.io"),
        List.of(
            image("library/nginx", "latest"),
            image("library/nginx", "1.27"),
            image("library/busybox", "latest"),
            image("library/busybox", "1.36"),
            image("library/alpine", "latest"),
            image("library/alpine", "3.20"),
            image("library/hello-world", "latest")));
  }

  /** GitHub Container Registry. */
  public static PublicRegistry ghcr() {
    return seeded(
        "ghcr.io",
        List.of("ghcr.io"),
        List.of(image("stefanprodan/podinfo", "6.7.1"), image("stefanprodan/podinfo", "latest")));
  }

  /** Quay. */
  public static PublicRegistry quay() {
    return seeded(
        "quay.io",
        List.of("quay.io"),
        List.of(
            image("prometheus/busybox", "latest"),
            image("jetstack/cert-manager-controller", "v1.16.1")));
  }

  /** The Kubernetes project's registry. */
  public static PublicRegistry k8s() {
    return seeded(
        "registry.k8s.io",
        List.of("registry.k8s.io"),
        List.of(image("pause", "3.10"), image("e2e-test-images/agnhost", "2.53")));
  }

  /** The non-Microsoft public registries, in the order {@code /moat/registries} lists them. */
  public static List<PublicRegistry> others() {
    return List.of(dockerHub(), ghcr(), quay(), k8s());
  }

  /** Whether {@code host} (any case) serves this registry. */
  public boolean serves(String host) {
    return hosts.contains(host.toLowerCase(Locale.ROOT));
  }

  /** The host clients dial. */
  public String apiHost() {
    return hosts.get(0);
  }

  private static PublicRegistry seeded(String name, List<String> hosts, List<Artifact> images) {
    return new PublicRegistry(name, hosts, (repository, tag) -> find(images, repository, tag));
  }

  private static Optional<Artifact> find(List<Artifact> images, String repository, String tag) {
    return images.stream()
        .filter(a -> a.repository().equals(repository) && a.tag().equals(tag))
        .findFirst();
  }

  private static Artifact image(String repository, String tag) {
    return new Artifact(repository, tag, Artifact.Kind.IMAGE);
  }
}
