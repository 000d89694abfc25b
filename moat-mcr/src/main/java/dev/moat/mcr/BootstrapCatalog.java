package dev.moat.mcr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Linux AKS node pulls from MCR at bootstrap, per Kubernetes version, read from the
 * AgentBaker-derived list shipped with Moat ({@code bootstrap-artifacts.json}, from {@code
 * components.json} at AgentBaker commit 4d9c4742).
 *
 * <p>AgentBaker pins tags per minor version; a node of patch version {@code 1.30.3} pulls the
 * kubelet tarball and kube-proxy of exactly that patch, so for those two components the tag is
 * built from the version ({@code v1.30.3-linux-amd64}, {@code v1.30.3}), and for the others the
 * newest pinned tag of the minor is used. Nodes are {@code amd64}.
 */
public final class BootstrapCatalog {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
  private static final String MCR = "mcr.microsoft.com/";
  private static final Set<String> PER_PATCH =
      Set.of("oss/binaries/kubernetes/kubernetes-node", "oss/kubernetes/kube-proxy");

  /** Version-independent images every node of the default (Azure CNI) cluster runs. */
  private static final List<String> NODE_DAEMONS =
      List.of(
          "oss/v2/kubernetes/coredns",
          "containernetworking/azure-cns",
          "containernetworking/azure-cni",
          "containernetworking/azure-ipam");

  private final JsonNode document;

  private BootstrapCatalog(JsonNode document) {
    this.document = document;
  }

  public static BootstrapCatalog shipped() {
    try (InputStream in = BootstrapCatalog.class.getResourceAsStream("bootstrap-artifacts.json")) {
      return new BootstrapCatalog(Json.mapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The minor versions ({@code 1.30}, {@code 1.31}) whose artifacts are known. */
  public List<String> minorVersions() {
    List<String> out = new ArrayList<>();
    document.path("kubernetesVersions").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /**
   * The artifacts a node of {@code kubernetesVersion} ({@code 1.30} or {@code 1.30.3}) pulls at
   * bootstrap; empty when the minor version is unknown.
   */
  public Optional<List<Artifact>> forVersion(String kubernetesVersion) {
    Matcher m = VERSION.matcher(kubernetesVersion.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String minor = m.group(1) + "." + m.group(2);
    JsonNode entry = document.path("kubernetesVersions").path(minor);
    if (entry.isMissingNode()) {
      return Optional.empty();
    }
    String patch = m.group(3);
    Set<Artifact> out = new LinkedHashSet<>();
    for (JsonNode a : entry.path("ociArtifacts")) {
      out.add(pick(a, patch == null ? null : minor + "." + patch, Artifact.Kind.OCI_ARTIFACT));
    }
    for (JsonNode a : entry.path("images")) {
      out.add(pick(a, patch == null ? null : minor + "." + patch, Artifact.Kind.IMAGE));
    }
    for (JsonNode a : document.path("versionIndependentImages")) {
      if (NODE_DAEMONS.contains(repository(a))) {
        out.add(pick(a, null, Artifact.Kind.IMAGE));
      }
    }
    return Optional.of(List.copyOf(out));
  }

  /** Every artifact of every known version (what the MCR stand-in serves). */
  public List<Artifact> all(List<String> kubernetesVersions) {
    Set<Artifact> out = new LinkedHashSet<>();
    for (String v : kubernetesVersions) {
      forVersion(v).ifPresent(out::addAll);
    }
    return List.copyOf(out);
  }

  /**
   * The artifact MCR serves as {@code repository:tag}, if it is one: any tag the list names for the
   * repository, and for the per-patch components any patch of a known minor version.
   */
  public Optional<Artifact> lookup(String repository, String tag) {
    for (String minor : minorVersions()) {
      JsonNode entry = document.path("kubernetesVersions").path(minor);
      Optional<Artifact> found =
          match(entry.path("ociArtifacts"), repository, tag, minor, Artifact.Kind.OCI_ARTIFACT)
              .or(() -> match(entry.path("images"), repository, tag, minor, Artifact.Kind.IMAGE));
      if (found.isPresent()) {
        return found;
      }
    }
    return match(
        document.path("versionIndependentImages"), repository, tag, null, Artifact.Kind.IMAGE);
  }

  private static Optional<Artifact> match(
      JsonNode entries, String repository, String tag, String minor, Artifact.Kind kind) {
    for (JsonNode a : entries) {
      if (!repository(a).equals(repository)) {
        continue;
      }
      for (JsonNode t : a.path("tags")) {
        if (t.asText().replace("{arch}", "amd64").equals(tag)) {
          return Optional.of(new Artifact(repository, tag, kind));
        }
      }
      if (minor != null && PER_PATCH.contains(repository)) {
        String suffix = kind == Artifact.Kind.OCI_ARTIFACT ? "-linux-amd64" : "";
        Matcher m =
            Pattern.compile("v" + Pattern.quote(minor) + "\\.\\d+" + Pattern.quote(suffix))
                .matcher(tag);
        if (m.matches()) {
          return Optional.of(new Artifact(repository, tag, kind));
        }
      }
    }
    return Optional.empty();
  }

  private static Artifact pick(JsonNode a, String exactVersion, Artifact.Kind kind) {
    String repository = repository(a);
    String tag = a.path("tags").get(0).asText().replace("{arch}", "amd64");
    if (exactVersion != null && PER_PATCH.contains(repository)) {
      tag =
          kind == Artifact.Kind.OCI_ARTIFACT
              ? "v" + exactVersion + "-linux-amd64"
              : "v" + exactVersion;
    }
    return new Artifact(repository, tag, kind);
  }

  private static String repository(JsonNode a) {
    String full = a.path("mcrRepository").asText();
    return full.startsWith(MCR) ? full.substring(MCR.length()) : full;
  }
}
