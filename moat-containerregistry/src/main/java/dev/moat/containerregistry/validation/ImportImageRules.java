package dev.moat.containerregistry.validation;

import dev.moat.containerregistry.model.ImportImageParameters;
import dev.moat.containerregistry.model.ImportImageRequest;
import dev.moat.containerregistry.model.Registry;
import dev.moat.containerregistry.service.RegistryReader;
import dev.moat.containerregistry.service.RegistryView;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation of {@code ImportImageParameters} and its defaults: a source by {@code resourceId} (an
 * ACR) or {@code registryUri} (any registry; an ACR's login server is read as that ACR), {@code
 * sourceImage} as {@code repo}, {@code repo:tag} or {@code repo@sha256:…} ({@code latest} when
 * neither), {@code targetTags} as {@code repo[:tag]} (the source's tag when omitted), and, when no
 * target is given, the source repository and tag.
 */
public final class ImportImageRules {
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REPOSITORY = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern IMAGE =
      Pattern.compile("([^:@]+)(?::([^:@/]+))?(?:@(sha256:[a-f0-9]{64}))?");
  private static final Set<String> DOCKER_HUB =
      Set.of("docker.io", "registry.hub.docker.com", "index.docker.io", "registry-1.docker.io");

  private final RegistryReader reader;

  public ImportImageRules(RegistryReader reader) {
    this.reader = reader;
  }

  public ImportImageRequest validate(Registry target, ImportImageParameters body) {
    ImportImageParameters.Source source = body.source();
    if (source.sourceImage() == null || source.sourceImage().isBlank()) {
      throw ContainerRegistryError.PROPERTY_REQUIRED.exception("sourceImage");
    }
    boolean force = mode(body.mode());
    Optional<String> acrName;
    String host;
    if (source.resourceId() != null && !source.resourceId().isBlank()) {
      ResourceId id;
      try {
        id = ResourceId.parse(source.resourceId());
      } catch (IllegalArgumentException e) {
        throw invalid("The source resource id '" + source.resourceId() + "' is not valid.");
      }
      RegistryView view =
          reader
              .find(id)
              .orElseThrow(
                  () ->
                      invalid(
                          "The source container registry '"
                              + source.resourceId()
                              + "' could not be found."));
      acrName = Optional.of(view.registry().id().name().toLowerCase(Locale.ROOT));
      host = view.registry().loginServer();
    } else if (source.registryUri() != null && !source.registryUri().isBlank()) {
      host =
          source
              .registryUri()
              .replaceFirst("(?i)^https?://", "")
              .replaceAll("/+$", "")
              .toLowerCase(Locale.ROOT);
      if (DOCKER_HUB.contains(host)) {
        host = "docker.io";
      }
      String login = host;
      acrName =
          reader.listAll().stream()
              .map(RegistryView::registry)
              .filter(r -> r.loginServer().equals(login))
              .map(r -> r.id().name().toLowerCase(Locale.ROOT))
              .findFirst();
    } else {
      throw invalid("Either source.registryUri or source.resourceId must be specified.");
    }
    Matcher m = IMAGE.matcher(source.sourceImage().trim());
    if (!m.matches()
        || !REPOSITORY.matcher(m.group(1)).matches()
        || (m.group(2) != null && !TAG.matcher(m.group(2)).matches())) {
      throw invalid("The source image '" + source.sourceImage() + "' is not valid.");
    }
    String repository = m.group(1);
    if (host.equals("docker.io") && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    String tag = m.group(2) != null ? m.group(2) : (m.group(3) == null ? "latest" : null);
    String reference = m.group(3) != null ? m.group(3) : tag;

    List<ImportImageRequest.Target> targets = new ArrayList<>();
    for (String t : body.targetTags() == null ? List.<String>of() : body.targetTags()) {
      int colon = t.lastIndexOf(':');
      String repo = colon < 0 ? t : t.substring(0, colon);
      String targetTag = colon < 0 ? (tag == null ? "latest" : tag) : t.substring(colon + 1);
      if (!REPOSITORY.matcher(repo).matches() || !TAG.matcher(targetTag).matches()) {
        throw invalid("The target tag '" + t + "' is not valid.");
      }
      targets.add(new ImportImageRequest.Target(repo, Optional.of(targetTag)));
    }
    for (String repo :
        body.untaggedTargetRepositories() == null
            ? List.<String>of()
            : body.untaggedTargetRepositories()) {
      if (!REPOSITORY.matcher(repo).matches()) {
        throw invalid("The target repository '" + repo + "' is not valid.");
      }
      targets.add(new ImportImageRequest.Target(repo, Optional.empty()));
    }
    if (targets.isEmpty()) {
      targets.add(new ImportImageRequest.Target(repository, Optional.ofNullable(tag)));
    }
    return new ImportImageRequest(
        target.id(),
        target.id().name().toLowerCase(Locale.ROOT),
        new ImportImageRequest.Source(acrName, host, repository, reference),
        targets,
        force);
  }

  private static boolean mode(String mode) {
    if (mode == null || mode.equalsIgnoreCase("NoForce")) {
      return false;
    }
    if (mode.equalsIgnoreCase("Force")) {
      return true;
    }
    throw invalid(
        "The value '"
            + mode
            + "' of property 'mode' is not valid. Valid values are: NoForce, Force.");
  }

  private static RuntimeException invalid(String message) {
    return ContainerRegistryError.IMPORT_INVALID_PARAMETERS.exception(message);
  }
}
